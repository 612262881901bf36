/**
 * Pre-annotation through the API with a model endpoint: a real HTTP server
 * speaking the chat-completions protocol, started here; the job worker run
 * in-process (MARGINALIA_JOB_WORKER=manual: the test drains it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDocument, makeProject, makeUser, spanAt } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { spansAnswer, startFakeChatEndpoint, type FakeChatEndpoint } from "@/lib/testing/fake-chat-endpoint";
import * as preannotate from "@/app/api/v1/projects/[id]/preannotate/route";
import * as endpoints from "@/app/api/v1/projects/[id]/model-endpoints/route";
import * as jobRoute from "@/app/api/v1/jobs/[id]/route";
import * as projectRoute from "@/app/api/v1/projects/[id]/route";
import { drainJobs, STALE_MS } from "./worker";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
const TEXTS = ["😀 Sergey Lavrov met John Kerry in Baghdad.", "Haider al-Abadi spoke in Baghdad on Tuesday."];
const KEY = "sk-test-never-shown-0123456789";

let admin: Ctx, reviewer: Ctx, annotator: Ctx;
let endpoint: FakeChatEndpoint;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  annotator = await makeUser("ANNOTATOR");
  // the model names every person and city it sees, and one thing that is not in the text
  endpoint = await startFakeChatEndpoint((req) => {
    const spans = [];
    for (const name of ["Sergey Lavrov", "John Kerry", "Haider al-Abadi"])
      if (req.passage.includes(name)) spans.push({ label: "PERSON", text: name, occurrence: 1 });
    if (req.passage.includes("Baghdad")) spans.push({ label: "GPE", text: "Baghdad", occurrence: 1 });
    spans.push({ label: "GPE", text: "Atlantis", occurrence: 1 });
    return spansAnswer(spans);
  });
});
afterAll(() => endpoint.close());

const json = (handler: unknown, who: Ctx, id: string, method: string, body?: unknown) =>
  call(handler as never, { method, path: "/x", token: who.token, params: { id }, body });

describe(`pre-annotation jobs on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("queue with 202, run in the background, write suggestions with their origin, report progress and refusals", async () => {
    const project = await makeProject();
    const docs = [];
    for (const text of TEXTS) docs.push(await makeDocument(admin.actor, { project: project.slug, text }));

    const saved = await json(endpoints.PUT, admin, project.id, "PUT", { name: "local-llm", baseUrl: endpoint.baseUrl, model: "test-model", apiKey: KEY });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ name: "local-llm", hasKey: true, onThisMachine: true });
    expect(JSON.stringify(saved.json)).not.toContain(KEY);
    const listed = await json(endpoints.GET, reviewer, project.id, "GET");
    expect(JSON.stringify(listed.json)).not.toContain(KEY);
    expect((await db.modelEndpoint.findFirstOrThrow({ where: { projectId: project.id } })).apiKeyEncrypted).not.toContain(KEY);
    // annotators neither configure endpoints nor run models
    expect((await json(endpoints.PUT, reviewer, project.id, "PUT", { name: "x", baseUrl: endpoint.baseUrl, model: "m" })).status).toBe(403);
    expect((await json(preannotate.POST, annotator, project.id, "POST", { model: "builtin" })).status).toBe(403);
    expect((await json(preannotate.POST, reviewer, project.id, "POST", { model: "nope" })).status).toBe(422);
    expect((await json(preannotate.POST, reviewer, project.id, "POST", { model: "local-llm", labels: ["NO_SUCH"] })).status).toBe(422);

    const queued = await json(preannotate.POST, reviewer, project.id, "POST", { model: "local-llm", labels: ["PERSON", "GPE"] });
    expect(queued.status).toBe(202);
    expect(queued.json).toMatchObject({ state: "QUEUED", progress: { done: 0, total: 2 }, origin: "llm:local-llm" });
    const jobId = String(queued.json.id);

    await drainJobs();
    const done = await json(jobRoute.GET, reviewer, jobId, "GET");
    expect(done.json).toMatchObject({ state: "DONE", progress: { done: 2, total: 2 }, result: { added: 5, refused: 2 }, errorCount: 0 });
    // the key went to the endpoint, and nowhere else
    expect(endpoint.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(JSON.stringify(done.json)).not.toContain(KEY);

    const spans = await db.annotation.findMany({
      where: { layer: { documentId: docs[0].id, slot: "suggestions:llm:local-llm" } },
      include: { label: true },
      orderBy: { start: "asc" },
    });
    expect(spans.map((s) => [s.label.name, s.text, s.start, s.end, s.origin])).toEqual(
      [spanAt(TEXTS[0], "Sergey Lavrov", "PERSON"), spanAt(TEXTS[0], "John Kerry", "PERSON"), spanAt(TEXTS[0], "Baghdad", "GPE")].map((s) => [
        s.label,
        Array.from(TEXTS[0]).slice(s.start, s.end).join(""),
        s.start,
        s.end,
        "llm:local-llm",
      ]),
    );

    // a rerun proposes nothing new
    const again = await json(preannotate.POST, reviewer, project.id, "POST", { model: "local-llm", documentIds: [docs[0].id] });
    await drainJobs();
    expect((await json(jobRoute.GET, reviewer, String(again.json.id), "GET")).json).toMatchObject({ state: "DONE", result: { added: 0, known: 3 } });
  });

  it("goes on from the document it was on when its worker died", async () => {
    const project = await makeProject();
    const docs = [];
    for (const text of TEXTS) docs.push(await makeDocument(admin.actor, { project: project.slug, text }));
    await json(endpoints.PUT, admin, project.id, "PUT", { name: "local-llm", baseUrl: endpoint.baseUrl, model: "test-model" });
    const queued = await json(preannotate.POST, reviewer, project.id, "POST", { model: "local-llm", labels: ["PERSON", "GPE"] });
    // as a worker that did the first document and was killed leaves it: running, one done, its heartbeat old
    await db.job.update({
      where: { id: String(queued.json.id) },
      data: { state: "RUNNING", done: 1, workerId: "dead-worker", heartbeatAt: new Date(Date.now() - STALE_MS - 1000) },
    });
    const before = endpoint.requests.length;
    await drainJobs();
    const job = await db.job.findUniqueOrThrow({ where: { id: String(queued.json.id) } });
    expect(job).toMatchObject({ state: "DONE", done: 2 });
    expect(job.workerId).not.toBe("dead-worker");
    // only the second document was sent
    const sent = endpoint.requests.slice(before);
    expect(sent.length).toBe(1);
    expect(sent[0].passage).toContain("Haider al-Abadi");
  });

  it("sends no text to an endpoint off this machine unless the project allows it", async () => {
    const project = await makeProject();
    await makeDocument(admin.actor, { project: project.slug, text: TEXTS[0] });
    await json(endpoints.PUT, admin, project.id, "PUT", { name: "hosted", baseUrl: "https://models.example.com/v1", model: "big" });
    const refused = await json(preannotate.POST, reviewer, project.id, "POST", { model: "hosted" });
    expect(refused.status).toBe(409);
    expect(refused.json.error?.message).toMatch(/does not allow sending text to external endpoints/);
    expect(await db.job.count({ where: { projectId: project.id } })).toBe(0);

    // allowed, queued; then forbidden again before it runs: the job fails without a request
    expect((await json(projectRoute.PATCH, admin, project.id, "PATCH", { allowExternalModels: true })).status).toBe(200);
    const queued = await json(preannotate.POST, reviewer, project.id, "POST", { model: "hosted" });
    expect(queued.status).toBe(202);
    expect((await json(projectRoute.PATCH, admin, project.id, "PATCH", { allowExternalModels: false })).status).toBe(200);
    await drainJobs();
    const job = await json(jobRoute.GET, reviewer, String(queued.json.id), "GET");
    expect(job.json).toMatchObject({ state: "FAILED" });
    expect(JSON.stringify(job.json.errors)).toMatch(/does not allow sending text to external endpoints/);
  });
});
