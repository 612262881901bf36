import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser, makeProject, makeDocument, spanAt, makeAnnotatorLayer } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { exportRecords } from "@/lib/export/stream-export";
import { ensureQuoteLabels, ensureStanceTargets, SEED_STANCE_TARGETS } from "@/lib/seed/seed-analyst";
import * as targetsRoute from "@/app/api/v1/projects/[id]/stance-targets/route";
import * as targetRoute from "@/app/api/v1/stance-targets/[id]/route";
import * as docStances from "@/app/api/v1/documents/[id]/stances/route";
import * as stanceRoute from "@/app/api/v1/stances/[id]/route";
import * as quoteRoute from "@/app/api/v1/annotations/[id]/quote/route";
import * as projectStancesRoute from "@/app/api/v1/projects/[id]/stances/route";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx, ann: Ctx, other: Ctx;

// an astral character before the evidence makes code points and UTF-16 units differ
const TEXT = '𝔸 Baghdad. John Kerry said: "This is not yet coordinated." Sergey V. Lavrov agreed. Interfax reported it.';

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  ann = await makeUser("ANNOTATOR");
  other = await makeUser("ANNOTATOR");
});

const postTarget = (token: string, projectId: string, body: unknown) =>
  call(targetsRoute.POST, { method: "POST", path: `/api/v1/projects/${projectId}/stance-targets`, token, params: { id: projectId }, body });
const postStance = (token: string, documentId: string, body: unknown, layer = "own") =>
  call(docStances.POST, { method: "POST", path: `/api/v1/documents/${documentId}/stances?layer=${layer}`, token, params: { id: documentId }, body });
const patchStance = (token: string, id: string, body: unknown) =>
  call(stanceRoute.PATCH, { method: "PATCH", path: `/api/v1/stances/${id}`, token, params: { id }, body });
const putQuote = (token: string, id: string, body: unknown) =>
  call(quoteRoute.PUT, { method: "PUT", path: `/api/v1/annotations/${id}/quote`, token, params: { id }, body });

async function setup() {
  const project = await makeProject();
  const doc = await makeDocument(admin.actor, { text: TEXT, project: project.slug });
  const kerry = await db.canonicalEntity.create({ data: { projectId: project.id, name: "John Kerry", type: "PERSON" } });
  const target = await db.stanceTarget.create({ data: { projectId: project.id, text: "the four-country intelligence cell" } });
  const { annotation: evidence } = await createAnnotation({
    actor: ann.actor,
    documentId: doc.id,
    input: spanAt(TEXT, "This is not yet coordinated.", "EVENT"),
  });
  return { project, doc, kerry, target, evidence };
}

describe(`stance targets on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("lets reviewers and admins manage targets, members read them, 409 on duplicates and on delete while used", async () => {
    const { project, doc, kerry, evidence } = await setup();
    expect((await postTarget("mrg_nope", project.id, { text: "x" })).status).toBe(401);
    expect((await postTarget(ann.token, project.id, { text: "Annotators may not" })).status).toBe(403);
    expect((await postTarget(reviewer.token, project.id, { text: "  " })).status).toBe(400);
    const created = await postTarget(reviewer.token, project.id, { text: "Assad staying in power", description: "Bashar al-Assad remains president" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ text: "Assad staying in power", stances: 0 });
    expect((await postTarget(admin.token, project.id, { text: "Assad staying in power" })).status).toBe(409);

    const listed = await call(targetsRoute.GET, { path: `/api/v1/projects/${project.id}/stance-targets`, token: ann.token, params: { id: project.id } });
    expect(listed.status).toBe(200);
    expect((listed.json.items as { text: string }[]).map((t) => t.text)).toContain("Assad staying in power");

    const id = String(created.json.id);
    const renamed = await call(targetRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/stance-targets/${id}`,
      token: reviewer.token,
      params: { id },
      body: { text: "Assad stays in power" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json.text).toBe("Assad stays in power");
    expect(
      (
        await call(targetRoute.PATCH, {
          method: "PATCH",
          path: "/",
          token: reviewer.token,
          params: { id },
          body: { text: "the four-country intelligence cell" },
        })
      ).status,
    ).toBe(409);
    expect((await call(targetRoute.PATCH, { method: "PATCH", path: "/", token: ann.token, params: { id }, body: { text: "z" } })).status).toBe(403);
    expect(
      (await call(targetRoute.PATCH, { method: "PATCH", path: "/", token: reviewer.token, params: { id: "nope-nope" }, body: { text: "z" } })).status,
    ).toBe(404);

    expect((await postStance(ann.token, doc.id, { holderId: kerry.id, targetId: id, polarity: "FAVOR", evidence: [evidence.id] })).status).toBe(201);
    const refused = await call(targetRoute.DELETE, { method: "DELETE", path: "/", token: reviewer.token, params: { id } });
    expect(refused.status).toBe(409);
    expect(refused.json.error?.message).toMatch(/1 stance use/);

    const unused = await postTarget(admin.token, project.id, { text: "Unused target" });
    expect((await call(targetRoute.DELETE, { method: "DELETE", path: "/", token: admin.token, params: { id: String(unused.json.id) } })).status).toBe(204);
    expect(await db.stanceTarget.findUnique({ where: { id: String(unused.json.id) } })).toBeNull();
    expect(await db.auditEvent.count({ where: { subject: "STANCE_TARGET", subjectId: id } })).toBe(2);
  });

  it("seeds quote labels and the seed targets idempotently", async () => {
    const project = await makeProject();
    await db.label.deleteMany({ where: { projectId: project.id, kind: { not: "ENTITY" } } });
    for (let i = 0; i < 2; i++) {
      await ensureQuoteLabels(project.id);
      await ensureStanceTargets(project.id);
    }
    const labels = await db.label.findMany({ where: { projectId: project.id }, orderBy: { sortOrder: "asc" } });
    expect(labels.slice(-3).map((l) => [l.name, l.kind, l.hotkey])).toEqual([
      ["QUOTE", "QUOTE", null],
      ["CUE", "CUE", null],
      ["CITED_SOURCE", "CITED_SOURCE", null],
    ]);
    expect(new Set(labels.map((l) => l.sortOrder)).size).toBe(labels.length);
    const targets = await db.stanceTarget.findMany({ where: { projectId: project.id } });
    expect(targets.map((t) => t.text).sort()).toEqual([...SEED_STANCE_TARGETS].sort());
  });
});

describe(`stances on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("creates, lists, updates (version checked) and deletes a stance with audit events", async () => {
    const { doc, kerry, target, evidence } = await setup();
    const res = await postStance(ann.token, doc.id, {
      holderId: kerry.id,
      targetId: target.id,
      polarity: "AGAINST",
      confidence: 0.8,
      evidence: [evidence.id, evidence.id],
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      polarity: "AGAINST",
      confidence: 0.8,
      layer: "own",
      version: 1,
      holder: { name: "John Kerry" },
      target: { text: target.text },
    });
    expect(res.json.evidence).toEqual([{ annotationId: evidence.id, start: evidence.start, end: evidence.end, text: "This is not yet coordinated." }]);
    const id = String(res.json.id);

    const listed = await call(docStances.GET, { path: `/api/v1/documents/${doc.id}/stances`, token: ann.token, params: { id: doc.id } });
    expect((listed.json.items as unknown[]).length).toBe(1);
    const othersView = await call(docStances.GET, { path: `/api/v1/documents/${doc.id}/stances`, token: other.token, params: { id: doc.id } });
    expect(othersView.json.items).toEqual([]);

    const updated = await patchStance(ann.token, id, { polarity: "UNCLEAR", confidence: 0.4, version: 1 });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ polarity: "UNCLEAR", confidence: 0.4, version: 2 });
    const stale = await patchStance(ann.token, id, { polarity: "FAVOR", version: 1 });
    expect(stale.status).toBe(409);
    expect((stale.json.error as { message: string }).message).toMatch(/changed elsewhere/);
    expect((await patchStance(ann.token, id, { version: 2 })).status).toBe(400);
    expect((await patchStance(ann.token, id, { confidence: 1.5, version: 2 })).status).toBe(400);
    expect((await patchStance(ann.token, id, { evidence: [], version: 2 })).status).toBe(422);

    expect((await call(stanceRoute.DELETE, { method: "DELETE", path: `/api/v1/stances/${id}?version=1`, token: ann.token, params: { id } })).status).toBe(409);
    expect((await call(stanceRoute.DELETE, { method: "DELETE", path: `/api/v1/stances/${id}?version=2`, token: ann.token, params: { id } })).status).toBe(204);
    const audit = await db.auditEvent.findMany({ where: { subject: "STANCE", subjectId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["CREATE", "UPDATE", "DELETE"]);
    expect(audit[1].before).toMatchObject({ polarity: "AGAINST", confidence: 0.8 });
    expect(audit[1].after).toMatchObject({ polarity: "UNCLEAR", confidence: 0.4, evidence: [evidence.id] });
  });

  it("validates holder, target and evidence (422), document-level stances, and hides others' stances (404)", async () => {
    const { project, doc, kerry, target, evidence } = await setup();
    const base = { holderId: kerry.id, targetId: target.id, polarity: "FAVOR" };
    expect((await postStance(ann.token, doc.id, { ...base })).status).toBe(400); // no evidence, not document-level
    expect((await postStance(ann.token, doc.id, { ...base, polarity: "MAYBE", documentLevel: true })).status).toBe(400);
    const otherProject = await makeProject();
    const stranger = await db.canonicalEntity.create({ data: { projectId: otherProject.id, name: "Stranger", type: "PERSON" } });
    expect((await postStance(ann.token, doc.id, { ...base, holderId: stranger.id, documentLevel: true })).status).toBe(422);
    const foreignTarget = await db.stanceTarget.create({ data: { projectId: otherProject.id, text: "elsewhere" } });
    expect((await postStance(ann.token, doc.id, { ...base, targetId: foreignTarget.id, documentLevel: true })).status).toBe(422);

    // evidence from another annotator's layer on the same document
    const { annotation: theirs } = await createAnnotation({ actor: other.actor, documentId: doc.id, input: spanAt(TEXT, "Sergey V. Lavrov", "PERSON") });
    const cross = await postStance(ann.token, doc.id, { ...base, evidence: [theirs.id] });
    expect(cross.status).toBe(422);
    expect(cross.json.error?.message).toMatch(/same layer/);
    // evidence from another document
    const doc2 = await makeDocument(admin.actor, { text: `${TEXT} Again.`, project: project.slug });
    const { annotation: elsewhere } = await createAnnotation({ actor: ann.actor, documentId: doc2.id, input: spanAt(TEXT, "Baghdad", "GPE") });
    expect((await postStance(ann.token, doc.id, { ...base, evidence: [elsewhere.id] })).status).toBe(422);

    const docLevel = await postStance(ann.token, doc.id, { ...base, documentLevel: true });
    expect(docLevel.status).toBe(201);
    expect(docLevel.json).toMatchObject({ documentLevel: true, evidence: [], confidence: 0.5 });

    const id = String(docLevel.json.id);
    expect((await patchStance(other.token, id, { polarity: "AGAINST", version: 1 })).status).toBe(404);
    expect((await patchStance(reviewer.token, id, { polarity: "AGAINST", version: 1 })).status).toBe(404);
    expect((await call(stanceRoute.DELETE, { method: "DELETE", path: "/", token: other.token, params: { id } })).status).toBe(404);
    expect(evidence.id).toBeTruthy();
  });

  it("keeps annotators out of the gold layer (403) and lets reviewers write it", async () => {
    const { doc, kerry, target } = await setup();
    const body = { holderId: kerry.id, targetId: target.id, polarity: "NEUTRAL", documentLevel: true };
    const denied = await postStance(ann.token, doc.id, body, "gold");
    expect(denied.status).toBe(403);
    const gold = await postStance(reviewer.token, doc.id, body, "gold");
    expect(gold.status).toBe(201);
    expect(gold.json.layer).toBe("gold");
    const listed = await call(docStances.GET, { path: `/api/v1/documents/${doc.id}/stances?layer=gold`, token: reviewer.token, params: { id: doc.id } });
    expect((listed.json.items as unknown[]).length).toBe(1);
    expect((await call(docStances.GET, { path: `/api/v1/documents/${doc.id}/stances?layer=gold`, token: ann.token, params: { id: doc.id } })).status).toBe(403);
  });

  it("refuses stances in a submitted layer (409)", async () => {
    const { doc, kerry, target, evidence } = await setup();
    await makeAnnotatorLayer(ann.actor, doc.id, { status: "SUBMITTED" });
    expect((await postStance(ann.token, doc.id, { holderId: kerry.id, targetId: target.id, polarity: "FAVOR", evidence: [evidence.id] })).status).toBe(409);
  });

  it("summarises stances per target for the stance view, scoped to the viewer", async () => {
    const { project, doc, kerry, target, evidence } = await setup();
    await postStance(ann.token, doc.id, { holderId: kerry.id, targetId: target.id, polarity: "AGAINST", confidence: 0.8, evidence: [evidence.id] });
    const { annotation: e2 } = await createAnnotation({ actor: other.actor, documentId: doc.id, input: spanAt(TEXT, "John Kerry said", "EVENT") });
    await postStance(other.token, doc.id, { holderId: kerry.id, targetId: target.id, polarity: "AGAINST", confidence: 0.6, evidence: [e2.id] });

    const asReviewer = await call(projectStancesRoute.GET, { path: "/", token: reviewer.token, params: { id: project.id } });
    expect(asReviewer.status).toBe(200);
    const summary = (
      asReviewer.json.summary as {
        target: { id: string };
        total: number;
        holders: {
          holder: { name: string };
          counts: Record<string, number>;
          meanConfidence: number;
          stances: { document: { id: string }; evidence: { text: string }[] }[];
        }[];
      }[]
    ).find((t) => t.target.id === target.id)!;
    expect(summary.total).toBe(2);
    expect(summary.holders[0]).toMatchObject({ holder: { name: "John Kerry" }, counts: { AGAINST: 2, FAVOR: 0 } });
    expect(summary.holders[0].meanConfidence).toBeCloseTo(0.7);
    expect(summary.holders[0].stances[0].document.id).toBe(doc.id);

    const asAnnotator = await call(projectStancesRoute.GET, { path: "/", token: ann.token, params: { id: project.id } });
    const mine = (asAnnotator.json.summary as { target: { id: string }; total: number }[]).find((t) => t.target.id === target.id)!;
    expect(mine.total).toBe(1);
    const outsider = await makeUser("ANNOTATOR");
    await db.projectMember.deleteMany({ where: { userId: outsider.user.id } });
    expect((await call(projectStancesRoute.GET, { path: "/", token: outsider.token, params: { id: project.id } })).status).toBe(404);
  });

  it("exports stances with evidence offsets (code points) whose text is the slice, and quote links on QUOTE spans", async () => {
    const { project, doc, kerry, target, evidence } = await setup();
    await postStance(ann.token, doc.id, { holderId: kerry.id, targetId: target.id, polarity: "AGAINST", confidence: 0.8, evidence: [evidence.id] });
    const { annotation: quote } = await createAnnotation({
      actor: ann.actor,
      documentId: doc.id,
      input: spanAt(TEXT, '"This is not yet coordinated."', "QUOTE"),
    });
    const { annotation: cue } = await createAnnotation({ actor: ann.actor, documentId: doc.id, input: spanAt(TEXT, "said", "CUE") });
    const { annotation: speaker } = await createAnnotation({ actor: ann.actor, documentId: doc.id, input: spanAt(TEXT, "John Kerry", "PERSON") });
    expect((await putQuote(ann.token, quote.id, { cueId: cue.id, speakerId: speaker.id, version: 1 })).status).toBe(200);

    const records = [];
    for await (const r of exportRecords({ actor: admin.actor, options: { project: project.slug, layer: "annotators", status: "all" } })) records.push(r);
    const record = records.find((r) => r.id === doc.id)!;
    expect(record.stances).toHaveLength(1);
    const st = record.stances[0];
    expect(st).toMatchObject({
      layer: "annotator",
      annotator: { id: ann.user.id },
      holder: { id: kerry.id, name: "John Kerry" },
      target: { id: target.id, text: target.text },
      polarity: "AGAINST",
      confidence: 0.8,
      document_level: false,
    });
    const chars = Array.from(record.text);
    for (const e of st.evidence) expect(chars.slice(e.start, e.end).join("")).toBe(e.text);
    expect(st.evidence[0].text).toBe("This is not yet coordinated.");
    expect(st.evidence[0].start).not.toBe(record.text.indexOf("This is")); // code points, not UTF-16
    const q = record.spans.find((s) => s.id === quote.id)!;
    expect(q.quote).toEqual({ cue_id: cue.id, speaker_id: speaker.id });
    expect(record.spans.find((s) => s.id === cue.id)!.quote).toBeUndefined();
  });
});

describe(`quote links on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("links a QUOTE span to its cue and speaker, version-checked and audited, and refuses wrong kinds and layers", async () => {
    const { doc } = await setup();
    const make = async (actor: typeof ann.actor, needle: string, label: string) =>
      (await createAnnotation({ actor, documentId: doc.id, input: spanAt(TEXT, needle, label) })).annotation;
    const quote = await make(ann.actor, '"This is not yet coordinated."', "QUOTE");
    const cue = await make(ann.actor, "said", "CUE");
    const speaker = await make(ann.actor, "John Kerry", "PERSON");
    const source = await make(ann.actor, "Interfax", "CITED_SOURCE");
    const theirCue = await make(other.actor, "said", "CUE");

    expect((await putQuote(ann.token, quote.id, { cueId: speaker.id, speakerId: null, version: 1 })).status).toBe(422);
    expect((await putQuote(ann.token, quote.id, { cueId: null, speakerId: cue.id, version: 1 })).status).toBe(422);
    expect((await putQuote(ann.token, quote.id, { cueId: null, speakerId: source.id, version: 1 })).status).toBe(422);
    expect((await putQuote(ann.token, quote.id, { cueId: theirCue.id, speakerId: null, version: 1 })).status).toBe(422);
    expect((await putQuote(ann.token, cue.id, { cueId: null, speakerId: null, version: 1 })).status).toBe(422);
    expect((await putQuote(ann.token, quote.id, { cueId: "x", version: 1 })).status).toBe(400);
    expect((await putQuote(other.token, quote.id, { cueId: null, speakerId: null, version: 1 })).status).toBe(404);

    const set = await putQuote(ann.token, quote.id, { cueId: cue.id, speakerId: speaker.id, version: 1 });
    expect(set.status).toBe(200);
    expect(set.json).toEqual({ annotationId: quote.id, cueId: cue.id, speakerId: speaker.id, version: 2 });
    expect((await putQuote(ann.token, quote.id, { cueId: null, speakerId: null, version: 1 })).status).toBe(409);
    const read = await call(quoteRoute.GET, { path: "/", token: ann.token, params: { id: quote.id } });
    expect(read.json).toMatchObject({ cueId: cue.id, speakerId: speaker.id, version: 2 });
    const cleared = await putQuote(ann.token, quote.id, { cueId: null, speakerId: null, version: 2 });
    expect(cleared.json).toMatchObject({ cueId: null, speakerId: null, version: 3 });
    const audit = await db.auditEvent.findMany({ where: { subject: "ANNOTATION", subjectId: quote.id, action: "QUOTE" }, orderBy: { createdAt: "asc" } });
    expect(audit).toHaveLength(2);
    expect(audit[0].after).toMatchObject({ quoteCueId: cue.id, quoteSpeakerId: speaker.id });
  });
});
