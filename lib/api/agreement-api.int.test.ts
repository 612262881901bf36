import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAnnotatorLayer, makeDocument, makeProject, makeUser, spanAt } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import * as agreement from "@/app/api/v1/projects/[id]/agreement/route";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx, outsider: Ctx, ann1: Ctx, ann2: Ctx;
let project: { id: string; slug: string };

const TEXT = "😀 Sergey Lavrov met John Kerry in Baghdad.";

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  outsider = await makeUser("REVIEWER");
  ann1 = await makeUser("ANNOTATOR");
  ann2 = await makeUser("ANNOTATOR");
  project = await makeProject();
  await db.projectMember.deleteMany({ where: { projectId: project.id, userId: outsider.user.id } });
  const doc = await makeDocument(admin.actor, { text: TEXT, project: project.slug });
  await makeAnnotatorLayer(ann1.actor, doc.id, { status: "SUBMITTED", spans: [spanAt(TEXT, "Sergey Lavrov", "PERSON"), spanAt(TEXT, "Baghdad", "GPE")] });
  await makeAnnotatorLayer(ann2.actor, doc.id, { status: "IN_PROGRESS", spans: [spanAt(TEXT, "Sergey Lavrov", "PERSON"), spanAt(TEXT, "Baghdad", "LOC")] });
});

const get = (id: string, token?: string, query = "") => call(agreement.GET, { path: `/api/v1/projects/${id}/agreement${query}`, token, params: { id } });

type Body = {
  counted: { includeInProgress: boolean };
  annotators: { id: string; name: string; spans: number }[];
  agreement: { overall: { alpha: number | null; documents: number; units: number }; labels: { label: string; alpha: number | null; f1Exact: number | null }[] };
  distribution: { label: string; annotators: number; gold: number }[];
};

describe(`GET /api/v1/projects/:id/agreement on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("answers 401 to an unknown token, 403 to annotators, 404 to non-members and unknown ids", async () => {
    const unauthenticated = await get(project.id, "mrg_nope");
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.json.error?.code).toBe("UNAUTHENTICATED");
    const forbidden = await get(project.id, ann1.token);
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.error?.code).toBe("FORBIDDEN");
    const hidden = await get(project.id, outsider.token);
    expect(hidden.status).toBe(404);
    expect(hidden.json.error?.code).toBe("NOT_FOUND");
    expect((await get("nope", admin.token)).status).toBe(404);
  });

  it("counts completed layers only by default: one submitted layer leaves nothing to compare", async () => {
    const res = await get(project.id, reviewer.token);
    expect(res.status).toBe(200);
    const body = res.json as unknown as Body;
    expect(body.counted.includeInProgress).toBe(false);
    expect(body.agreement.overall).toMatchObject({ alpha: null, documents: 0, units: 0 });
    expect(body.annotators.map((a) => a.id)).toEqual(expect.arrayContaining([ann1.user.id, ann2.user.id]));
    expect(body.distribution.find((d) => d.label === "PERSON")).toEqual({ label: "PERSON", color: "#0077bb", annotators: 1, gold: 0 });
  });

  it("with include=in_progress compares both annotators, by slug too", async () => {
    const res = await get(project.slug, admin.token, "?include=in_progress");
    expect(res.status).toBe(200);
    const body = res.json as unknown as Body;
    expect(body.counted.includeInProgress).toBe(true);
    expect(body.agreement.overall).toMatchObject({ documents: 1, units: 7 }); // the emoji is not a word
    const person = body.agreement.labels.find((l) => l.label === "PERSON");
    expect(person).toMatchObject({ alpha: 1, f1Exact: 1 });
    expect(body.agreement.labels.find((l) => l.label === "GPE")?.f1Exact).toBe(0);
    expect(body.distribution.find((d) => d.label === "PERSON")?.annotators).toBe(2);
  });

  it("rejects an unknown include value with 400", async () => {
    const res = await get(project.id, admin.token, "?include=everything");
    expect(res.status).toBe(400);
    expect(res.json.error?.code).toBe("INVALID_INPUT");
  });
});
