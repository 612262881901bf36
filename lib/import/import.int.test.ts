import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser, makeProject, unique } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import * as importer from "@/app/api/v1/import/route";
import { userSlot } from "@/lib/domain/enums";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, ann: Ctx, member: Ctx;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  ann = await makeUser("ANNOTATOR");
  member = await makeUser("ANNOTATOR");
});

const jsonl = (...records: unknown[]) => records.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n") + "\n";
const post = (query: string, body: string, opts: { token?: string; type?: string; headers?: Record<string, string> } = {}) =>
  call(importer.POST, {
    method: "POST",
    path: `/api/v1/import?${query}`,
    token: opts.token ?? admin.token,
    body,
    headers: { "content-type": opts.type ?? "application/x-ndjson", ...(opts.headers ?? {}) },
  });

async function projectWithMember() {
  const project = await makeProject();
  await db.projectMember.upsert({
    where: { projectId_userId: { projectId: project.id, userId: member.user.id } },
    create: { projectId: project.id, userId: member.user.id },
    update: {},
  });
  // ann stays outside the project (ensureProject makes every existing user a member)
  await db.projectMember.deleteMany({ where: { projectId: project.id, userId: ann.user.id } });
  return project;
}

const TEXT = () => `Hi 😀 Lavrov met Kerry in Baghdad. ${unique("t")}`;

describe(`import on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("imports the valid lines of native JSONL into a suggestions layer and reports the bad one by line", async () => {
    const project = await projectWithMember();
    const text = TEXT();
    const body = jsonl(
      { type: "manifest" },
      { title: "Good", text, meta: { outlet: "AP" }, spans: [{ start: 5, end: 11, label: "PERSON", text: "Lavrov" }] },
      { title: "Bad", text: TEXT(), meta: {}, spans: [{ start: 5, end: 11, label: "PERSON", text: "Kerry" }] },
      { title: "Unknown label", text: TEXT(), meta: {}, spans: [{ start: 5, end: 11, label: "WEAPON" }] },
    );
    const res = await post(`project=${project.slug}&name=ner-v1`, body);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ format: "native", documents: 1, spans: 1, layer: "suggestions:import:ner-v1" });
    const errors = res.json.errors as { line: number; message: string }[];
    expect(errors.map((e) => e.line)).toEqual([3, 4]);
    expect(errors[0].message).toMatch(/"Kerry" but the text at those offsets is "Lavrov"/);
    expect(errors[1].message).toMatch(/unknown label WEAPON/);
    const doc = await db.document.findFirstOrThrow({ where: { projectId: project.id }, include: { layers: { include: { annotations: true } } } });
    expect(doc).toMatchObject({ title: "Good", outlet: "AP", text });
    expect(doc.layers).toHaveLength(1);
    expect(doc.layers[0]).toMatchObject({ kind: "SUGGESTIONS", slot: "suggestions:import:ner-v1", userId: null });
    expect(doc.layers[0].annotations[0]).toMatchObject({ start: 5, end: 11, text: "Lavrov" });
    const audit = await db.auditEvent.findMany({ where: { documentId: doc.id } });
    expect(audit.map((a) => `${a.subject} ${a.action}`).sort()).toEqual(["ANNOTATION IMPORT", "DOCUMENT IMPORT"]);
  });

  it("all-or-nothing: one bad line → 422 with every line error and nothing written; clean file → all in", async () => {
    const project = await projectWithMember();
    const good = { title: "G", text: TEXT(), meta: {}, spans: [] };
    const res = await post(`project=${project.slug}&mode=all-or-nothing`, jsonl(good, "{oops", { title: "x", meta: {}, text: "" }));
    expect(res.status).toBe(422);
    expect(res.json.error?.message).toMatch(/2 lines have errors; nothing was imported/);
    const details = (res.json.error as unknown as { details: { errors: { line: number }[] } }).details;
    expect(details.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(await db.document.count({ where: { projectId: project.id } })).toBe(0);
    const ok = await post(`project=${project.slug}&mode=all-or-nothing`, jsonl(good, { ...good, title: "H", text: TEXT() }));
    expect(ok.status).toBe(200);
    expect(ok.json.documents).toBe(2);
  });

  it("reports duplicates (in the project and within the file) without doubling them or their spans", async () => {
    const project = await projectWithMember();
    const text = TEXT();
    await post(`project=${project.slug}`, jsonl({ title: "First", text, meta: {}, spans: [] }));
    const first = await db.document.findFirstOrThrow({ where: { projectId: project.id } });
    const other = TEXT();
    const res = await post(
      `project=${project.slug}&format=spacy`,
      jsonl({ text: text.replace("\n", "\r\n"), spans: [{ start: 0, end: 2, label: "PERSON" }] }, { text: other, spans: [] }, { text: other, spans: [] }),
    );
    expect(res.status).toBe(200);
    expect(res.json.documents).toBe(1);
    const dups = res.json.duplicates as { line: number; message: string; documentId: string }[];
    expect(dups.map((d) => d.line)).toEqual([1, 3]);
    expect(dups[0].message).toBe(`duplicate of document ${first.id} First`);
    expect(dups[1].message).toMatch(/duplicate of line 2/);
    expect(await db.annotation.count({ where: { layer: { documentId: first.id } } })).toBe(0);
  });

  it("imports doccano and Label Studio (UTF-16 offsets) into a named annotator's layer", async () => {
    const project = await projectWithMember();
    const text = TEXT();
    const d = await post(`project=${project.slug}&into=annotator:${member.user.email}`, jsonl({ text, label: [[5, 11, "PERSON"]] }));
    expect(d.status).toBe(200);
    expect(d.json).toMatchObject({ format: "doccano", documents: 1, layer: userSlot(member.user.id) });
    const t2 = TEXT();
    const ls = JSON.stringify([
      {
        data: { text: t2, title: "LS task" },
        annotations: [{ result: [{ type: "labels", value: { start: 6, end: 12, text: "Lavrov", labels: ["PERSON"] } }] }],
      },
    ]);
    const l = await post(`project=${project.slug}&into=annotator:${member.user.email}&filename=tasks.json`, ls, { type: "application/json" });
    expect(l.status).toBe(200);
    expect(l.json).toMatchObject({ format: "label-studio", offsets: "utf16", documents: 1, spans: 1 });
    const doc = await db.document.findFirstOrThrow({
      where: { projectId: project.id, title: "LS task" },
      include: { layers: { include: { annotations: true } } },
    });
    expect(doc.layers[0]).toMatchObject({ kind: "ANNOTATOR", userId: member.user.id, status: "IN_PROGRESS" });
    expect(doc.layers[0].annotations[0]).toMatchObject({ start: 5, end: 11, text: "Lavrov" });
    const notMember = await post(`project=${project.slug}&into=annotator:${ann.user.email}`, jsonl({ text: TEXT(), label: [] }));
    expect(notMember.status).toBe(422);
    expect(notMember.json.error?.message).toMatch(/No active member/);
  });

  it("imports several .txt files from a multipart upload, and creates missing labels when asked", async () => {
    const project = await projectWithMember();
    const form = new FormData();
    form.append("file", new File([`\ufeffOne\r\n${unique("a")}`], "one.txt", { type: "text/plain" }));
    form.append("file", new File([`Two ${unique("b")}`], "two.txt", { type: "text/plain" }));
    const req = new Request(`http://localhost/api/v1/import?project=${project.slug}`, {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const buf = await req.arrayBuffer();
    const sized = new Request(req.url, {
      method: "POST",
      body: buf,
      headers: { authorization: `Bearer ${admin.token}`, "content-type": req.headers.get("content-type")!, "content-length": String(buf.byteLength) },
    });
    const res = await importer.POST(sized);
    const json = await res.json();
    expect(res.status).toBe(200);
    expect(json).toMatchObject({ format: "txt", documents: 2 });
    expect(json.created.map((c: { title: string }) => c.title)).toEqual(["one", "two"]);
    const created = await post(
      `project=${project.slug}&createLabels=true`,
      jsonl({ title: "New", text: TEXT(), meta: {}, spans: [{ start: 5, end: 11, label: "WEAPON" }] }),
    );
    expect(created.json).toMatchObject({ documents: 1, labelsCreated: ["WEAPON"] });
    expect(await db.label.count({ where: { projectId: project.id, name: "WEAPON" } })).toBe(1);
  });

  it("answers 400, 401, 403, 404 and 413", async () => {
    const project = await projectWithMember();
    expect((await post(`project=${project.slug}&mode=maybe`, jsonl({ text: "x" }))).status).toBe(400);
    expect((await post(`project=${project.slug}&into=someone`, jsonl({ text: "x" }))).status).toBe(400);
    expect((await post(`project=${project.slug}`, jsonl({ text: "x" }), { token: "mrg_nope" })).status).toBe(401);
    const forbidden = await post(`project=${project.slug}`, jsonl({ text: "x" }), { token: ann.token });
    expect(forbidden.status).toBe(403);
    expect((await post(`project=nope-${unique("p")}`, jsonl({ text: "x" }))).status).toBe(404);
    const big = await post(`project=${project.slug}`, jsonl({ text: "x" }), { headers: { "content-length": String(60 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    expect(await db.document.count({ where: { projectId: project.id } })).toBe(0);
  });
  it("creates labels only under the one name rule, and reports the lines it refused", async () => {
    const project = await projectWithMember();
    const before = await db.label.count({ where: { projectId: project.id } });
    const bad = ["NUL\u0000", "ESC\u001b", "x".repeat(3000), "A,B", "PERSON\u200b", "\u0420\u0415RSON"];
    const lines = bad.map((label, i) => ({ title: `Bad ${i}`, text: TEXT(), meta: {}, spans: [{ start: 5, end: 11, label }] }));
    const res = await post(
      `project=${project.slug}&createLabels=true`,
      jsonl(...lines, { title: "Good", text: TEXT(), meta: {}, spans: [{ start: 5, end: 11, label: "WEAPON" }] }),
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ documents: 1, labelsCreated: ["WEAPON"], errorCount: bad.length });
    const errors = res.json.errors as { line: number; message: string }[];
    expect(errors.map((e) => e.line)).toEqual(bad.map((_, i) => i + 1));
    expect(errors[5].message).toContain('looks the same as the label "PERSON"');
    expect(await db.label.count({ where: { projectId: project.id } })).toBe(before + 1);
  });
});
