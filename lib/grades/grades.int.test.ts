import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { db } from "@/lib/db";
import { makeProject, makeUser, spanAt } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { importDocument } from "@/lib/documents/import-document";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { exportRecords } from "@/lib/export/stream-export";
import { CORROBORATION_WARNING } from "@/lib/grades/admiralty";
import * as grades from "@/app/api/v1/documents/[id]/grades/route";
import * as grade from "@/app/api/v1/grades/[id]/route";
import * as accept from "@/app/api/v1/grades/[id]/accept/route";
import * as syndication from "@/app/api/v1/documents/[id]/syndication/route";
import * as copy from "@/app/api/v1/annotations/[id]/copy-to-syndicated/route";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, ann: Ctx, other: Ctx, reviewer: Ctx, outsider: Ctx;
let projectId: string;
const docs: Record<string, { id: string; text: string; title: string }> = {};

const manifest = JSON.parse(readFileSync(join(process.cwd(), "seeds/manifest.json"), "utf8")) as {
  documents: { file: string; title: string; outlet: string | null }[];
};

beforeAll(async () => {
  [admin, ann, other, reviewer, outsider] = await Promise.all([
    makeUser("ADMIN"),
    makeUser("ANNOTATOR"),
    makeUser("ANNOTATOR"),
    makeUser("REVIEWER"),
    makeUser("ANNOTATOR"),
  ]);
  const project = await makeProject();
  projectId = project.id;
  for (const u of [ann, other, reviewer]) {
    await db.projectMember.upsert({ where: { projectId_userId: { projectId, userId: u.user.id } }, create: { projectId, userId: u.user.id }, update: {} });
  }
  await db.projectMember.deleteMany({ where: { projectId, userId: outsider.user.id } });
  // the default schema carries a CITED_SOURCE label
  expect(await db.label.findFirst({ where: { projectId, kind: "CITED_SOURCE" } })).not.toBeNull();
  for (const entry of manifest.documents) {
    const { document } = await importDocument({
      actor: admin.actor,
      input: { project: project.slug, title: entry.title, outlet: entry.outlet, text: readFileSync(join(process.cwd(), "seeds", entry.file), "utf8") },
    });
    docs[entry.file.slice(0, 3)] = document;
  }
});

const post = (token: string, documentId: string, body: unknown, layer = "own") =>
  call(grades.POST, { method: "POST", path: `/api/v1/documents/${documentId}/grades?layer=${layer}`, token, params: { id: documentId }, body });
const patch = (token: string, id: string, body: unknown) => call(grade.PATCH, { method: "PATCH", path: `/api/v1/grades/${id}`, token, params: { id }, body });
const copyTo = (token: string, id: string, body?: unknown) =>
  call(copy.POST, { method: "POST", path: `/api/v1/annotations/${id}/copy-to-syndicated`, token, params: { id }, body });

describe(`source grades and syndication on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("grades the outlet once per layer, with version checks and an audit trail", async () => {
    const d = docs["001"];
    const res = await post(ann.token, d.id, { reliability: "b", credibility: 2, rationale: "UPI, established wire" });
    expect(res.status).toBe(201);
    const g = res.json.grade as { id: string; target: string; reliability: string; mispTags: string[]; version: number };
    expect(g.target).toBe("outlet");
    expect(g.reliability).toBe("B");
    expect(g.mispTags).toEqual(['admiralty-scale:source-reliability="b"', 'admiralty-scale:information-credibility="2"']);
    expect(res.json.warning).toBeNull();

    expect((await post(ann.token, d.id, { reliability: "A", credibility: 3 })).status).toBe(409);
    // another annotator has a layer of their own
    expect((await post(other.token, d.id, { reliability: "C", credibility: 3 })).status).toBe(201);

    const list = await call(grades.GET, { path: `/api/v1/documents/${d.id}/grades`, token: ann.token, params: { id: d.id } });
    expect((list.json.items as unknown[]).length).toBe(1);

    const upd = await patch(ann.token, g.id, { credibility: 3, version: g.version });
    expect(upd.status).toBe(200);
    expect((upd.json.grade as { version: number }).version).toBe(2);
    expect((await patch(ann.token, g.id, { credibility: 4, version: 1 })).status).toBe(409);
    expect((await patch(other.token, g.id, { credibility: 4 })).status).toBe(404);
    expect((await patch(ann.token, g.id, { reliability: "G" })).status).toBe(400);
    expect((await post(ann.token, d.id, { reliability: "A", credibility: 7 })).status).toBe(400);
    expect((await post("mrg_nope", d.id, { reliability: "A", credibility: 1 })).status).toBe(401);
    expect((await post(outsider.token, d.id, { reliability: "A", credibility: 1 })).status).toBe(404);
    expect((await post(ann.token, d.id, { reliability: "A", credibility: 1 }, "gold")).status).toBe(403);

    const audit = await db.auditEvent.findMany({ where: { subject: "GRADE", subjectId: g.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["CREATE", "UPDATE"]);
    expect(audit[1].before).toMatchObject({ credibility: 2 });
    expect(audit[1].after).toMatchObject({ credibility: 3 });

    const del = await call(grade.DELETE, { method: "DELETE", path: `/api/v1/grades/${g.id}?version=2`, token: ann.token, params: { id: g.id } });
    expect(del.status).toBe(204);
    expect(await db.sourceGrade.findUnique({ where: { id: g.id } })).toBeNull();
    expect((await db.auditEvent.findMany({ where: { subject: "GRADE", subjectId: g.id, action: "DELETE" } })).length).toBe(1);
  });

  it("grades cited-source spans of the same layer only, one grade each", async () => {
    const d = docs["002"];
    const cited = await createAnnotation({ actor: ann.actor, documentId: d.id, input: spanAt(d.text, "AFP", "CITED_SOURCE") });
    const person = await createAnnotation({ actor: ann.actor, documentId: d.id, input: spanAt(d.text, "Iraq", "GPE") });
    const theirs = await createAnnotation({ actor: other.actor, documentId: d.id, input: spanAt(d.text, "Reuters", "CITED_SOURCE") });
    const ok = await post(ann.token, d.id, { annotationId: cited.annotation.id, reliability: "B", credibility: 3 });
    expect(ok.status).toBe(201);
    expect((ok.json.grade as { target: { text: string } }).target.text).toBe("AFP");
    expect((await post(ann.token, d.id, { annotationId: cited.annotation.id, reliability: "C", credibility: 3 })).status).toBe(409);
    expect((await post(ann.token, d.id, { annotationId: person.annotation.id, reliability: "C", credibility: 3 })).status).toBe(422);
    expect((await post(ann.token, d.id, { annotationId: theirs.annotation.id, reliability: "C", credibility: 3 })).status).toBe(422);
  });

  it("lets a reviewer accept a cited-source grade into gold with its span, and set a gold grade directly", async () => {
    const d = docs["004"];
    const cited = await createAnnotation({ actor: ann.actor, documentId: d.id, input: spanAt(d.text, "Associated Press", "CITED_SOURCE") });
    const created = await post(ann.token, d.id, { annotationId: cited.annotation.id, reliability: "A", credibility: 2, rationale: "AP" });
    const id = (created.json.grade as { id: string }).id;
    expect((await call(accept.POST, { method: "POST", path: `/api/v1/grades/${id}/accept`, token: ann.token, params: { id } })).status).toBe(403);
    const res = await call(accept.POST, { method: "POST", path: `/api/v1/grades/${id}/accept`, token: reviewer.token, params: { id } });
    expect(res.status).toBe(200);
    const gold = res.json.gold as { layer: string; target: { annotationId: string; text: string }; reliability: string };
    expect(gold.layer).toBe("gold");
    expect(gold.target.text).toBe("Associated Press");
    const goldSpan = await db.annotation.findUniqueOrThrow({ where: { id: gold.target.annotationId }, include: { layer: true } });
    expect(goldSpan.layer.kind).toBe("GOLD");
    expect(goldSpan.originId).toBe(cited.annotation.id);
    expect((await db.sourceGrade.findUniqueOrThrow({ where: { id } })).reviewState).toBe("ACCEPTED");
    // accepting again replaces, never duplicates
    await call(accept.POST, { method: "POST", path: `/api/v1/grades/${id}/accept`, token: reviewer.token, params: { id } });
    expect(await db.sourceGrade.count({ where: { layer: { documentId: d.id, kind: "GOLD" } } })).toBe(1);
    // the reviewer grades the outlet in gold directly
    const direct = await post(reviewer.token, d.id, { reliability: "C", credibility: 3, rationale: "aggregator" }, "gold");
    expect(direct.status).toBe(201);
    const goldList = await call(grades.GET, { path: `/api/v1/documents/${d.id}/grades?layer=gold`, token: reviewer.token, params: { id: d.id } });
    expect((goldList.json.items as unknown[]).length).toBe(2);

    // export: grades with MISP tags, gold and annotator layers
    const records = [];
    for await (const r of exportRecords({ actor: admin.actor, options: { layer: "gold", status: "all", project: projectId } })) records.push(r);
    const rec = records.find((r) => r.id === d.id)!;
    const goldOutlet = rec.grades.find((g) => g.layer === "gold" && g.target === "outlet");
    const goldCited = rec.grades.find((g) => g.target !== "outlet");
    expect(goldCited?.target).toMatchObject({ text: "Associated Press" });
    expect(goldCited?.misp_tags).toEqual(['admiralty-scale:source-reliability="a"', 'admiralty-scale:information-credibility="2"']);
    const annRecords = [];
    for await (const r of exportRecords({ actor: admin.actor, options: { layer: "annotators", status: "all", project: projectId } })) annRecords.push(r);
    const annGrade = annRecords.find((r) => r.id === d.id)!.grades.find((g) => g.id === id);
    expect(annGrade?.annotator?.id).toBe(ann.user.id);
    expect(goldOutlet?.misp_tags).toEqual(['admiralty-scale:source-reliability="c"', 'admiralty-scale:information-credibility="3"']);
  });

  it("finds the Associated Press copy shared by three seeds", async () => {
    const res = await call(syndication.GET, { path: `/api/v1/documents/${docs["003"].id}/syndication`, token: ann.token, params: { id: docs["003"].id } });
    expect(res.status).toBe(200);
    expect(res.json.nextCursor).toBeNull();
    const passages = res.json.items as {
      start: number;
      end: number;
      text: string;
      copies: { documentId: string; start: number; end: number; text: string }[];
    }[];
    const withCopies = new Set(passages.flatMap((p) => p.copies.map((c) => c.documentId)));
    expect(withCopies).toEqual(new Set([docs["000"].id, docs["004"].id]));
    for (const p of passages) {
      expect(Array.from(docs["003"].text).slice(p.start, p.end).join("")).toBe(p.text);
      for (const c of p.copies) {
        const other = Object.values(docs).find((x) => x.id === c.documentId)!;
        expect(Array.from(other.text).slice(c.start, c.end).join("")).toBe(c.text);
      }
    }
    for (const lone of ["001", "002"]) {
      const r = await call(syndication.GET, { path: `/x`, token: ann.token, params: { id: docs[lone].id } });
      expect(r.json.items).toEqual([]);
    }
    expect((await call(syndication.GET, { path: `/x`, token: outsider.token, params: { id: docs["003"].id } })).status).toBe(404);
  });

  it("copies an annotation onto the same words of the syndicated copies, once", async () => {
    const src = docs["003"];
    const span = spanAt(src.text, "Joint Operations Command", "ORG");
    const made = await createAnnotation({ actor: ann.actor, documentId: src.id, input: span });
    const res = await copyTo(ann.token, made.annotation.id, {});
    expect(res.status).toBe(200);
    const copies = res.json.copies as { documentId: string; created: boolean; annotation: { start: number; end: number; text: string; label: string } }[];
    expect(copies.map((c) => c.documentId)).toEqual([docs["004"].id]);
    expect(copies[0].created).toBe(true);
    expect(copies[0].annotation.text).toBe("Joint Operations Command");
    expect(copies[0].annotation.label).toBe("ORG");
    const target = docs["004"].text;
    expect(Array.from(target).slice(copies[0].annotation.start, copies[0].annotation.end).join("")).toBe("Joint Operations Command");
    const row = await db.annotation.findFirstOrThrow({
      where: { layer: { documentId: docs["004"].id, userId: ann.user.id }, start: copies[0].annotation.start },
    });
    expect(row.originId).toBe(made.annotation.id);
    expect(await db.auditEvent.count({ where: { subject: "ANNOTATION", subjectId: row.id, action: "CREATE" } })).toBe(1);

    const again = await copyTo(ann.token, made.annotation.id);
    expect((again.json.copies as { created: boolean }[])[0].created).toBe(false);
    expect(await db.annotation.count({ where: { layer: { documentId: docs["004"].id, userId: ann.user.id }, labelId: row.labelId, start: row.start } })).toBe(
      1,
    );

    // a span inside the AP passage shared by all three
    const lavrov = await createAnnotation({ actor: ann.actor, documentId: src.id, input: spanAt(src.text, "ramping up its involvement in Syria", "EVENT") });
    const three = await copyTo(ann.token, lavrov.annotation.id);
    expect((three.json.copies as { documentId: string }[]).map((c) => c.documentId).sort()).toEqual([docs["000"].id, docs["004"].id].sort());
    for (const c of three.json.copies as { annotation: { text: string } }[]) expect(c.annotation.text).toBe("ramping up its involvement in Syria");

    const outside = await createAnnotation({ actor: ann.actor, documentId: src.id, input: spanAt(src.text, "Austin American-Statesman", "ORG") });
    expect((await copyTo(ann.token, outside.annotation.id)).status).toBe(422);
    expect((await copyTo(other.token, made.annotation.id)).status).toBe(404);
    expect((await copyTo(ann.token, made.annotation.id, { documentIds: [docs["001"].id] })).status).toBe(422);
  });

  it("warns when credibility 1 rests only on syndicated copies", async () => {
    const syndicated = await post(other.token, docs["004"].id, { reliability: "C", credibility: 1 });
    expect(syndicated.status).toBe(201);
    expect(syndicated.json.warning).toBe(CORROBORATION_WARNING);
    const independent = await post(other.token, docs["002"].id, { reliability: "B", credibility: 1 });
    expect(independent.json.warning).toBeNull();
    const d = docs["003"];
    // RFE/RL names the joint operations command in its own words: independent, no warning
    const joc = await createAnnotation({ actor: other.actor, documentId: d.id, input: spanAt(d.text, "Joint Operations Command", "CITED_SOURCE") });
    expect((await post(other.token, d.id, { annotationId: joc.annotation.id, reliability: "B", credibility: 1 })).json.warning).toBeNull();
    // Col. Steve Warren is quoted only inside the shared AP passage
    const cited = await createAnnotation({ actor: other.actor, documentId: d.id, input: spanAt(d.text, "Col. Steve Warren", "CITED_SOURCE") });
    const w = await post(other.token, d.id, { annotationId: cited.annotation.id, reliability: "B", credibility: 1 });
    expect(w.json.warning).toBe(CORROBORATION_WARNING);
    const id = (w.json.grade as { id: string }).id;
    expect((await patch(other.token, id, { credibility: 2 })).json.warning).toBeNull();
  });
});
