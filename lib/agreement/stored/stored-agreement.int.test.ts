import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/update-annotation";
import { submitLayer } from "@/lib/layers/submit-layer";
import { rejectLayer } from "@/lib/review/decide";
import { updateLabel } from "@/lib/projects/label-schema";
import { makeAnnotatorLayer, makeDocument, makeGoldLayer, makeProject, makeUser, spanAt } from "@/lib/testing/factories";
import { projectAgreement, type ProjectAgreement } from "../project-agreement";
import { referenceAgreement, storedTotals, summedDocumentCells } from "../testing/reference-agreement";
import { countStale, refreshAgreement } from "./refresh-agreement";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx, ann1: Ctx, ann2: Ctx, ann3: Ctx;
let project: { id: string; slug: string };
let docs: { id: string; text: string }[];

const TEXTS = [
  "Sergey Lavrov met John Kerry in Baghdad on Sunday.",
  "Abadi said Iraq would share intelligence with Russia.",
  "Putin spoke to Obama at the U.N. General Assembly in New York.",
];

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  [ann1, ann2, ann3] = [await makeUser("ANNOTATOR"), await makeUser("ANNOTATOR"), await makeUser("ANNOTATOR")];
  project = await makeProject();
  docs = [];
  for (const text of TEXTS) docs.push(await makeDocument(admin.actor, { text, project: project.slug }));
  const [d0, d1, d2] = docs;
  await makeAnnotatorLayer(ann1.actor, d0.id, {
    status: "IN_PROGRESS",
    spans: [spanAt(d0.text, "Sergey Lavrov", "PERSON"), spanAt(d0.text, "Baghdad", "GPE")],
  });
  await makeAnnotatorLayer(ann2.actor, d0.id, { status: "IN_PROGRESS", spans: [spanAt(d0.text, "Lavrov", "PERSON"), spanAt(d0.text, "Baghdad", "LOC")] });
  await makeAnnotatorLayer(ann1.actor, d1.id, { status: "SUBMITTED", spans: [spanAt(d1.text, "Abadi", "PERSON"), spanAt(d1.text, "Iraq", "GPE")] });
  await makeAnnotatorLayer(ann2.actor, d1.id, { status: "APPROVED", spans: [spanAt(d1.text, "Abadi", "PERSON"), spanAt(d1.text, "Russia", "GPE")] });
  await makeAnnotatorLayer(ann3.actor, d1.id, { status: "SUBMITTED", spans: [spanAt(d1.text, "Iraq", "GPE")] });
  await makeAnnotatorLayer(ann1.actor, d2.id, { status: "SUBMITTED", spans: [spanAt(d2.text, "Putin", "PERSON"), spanAt(d2.text, "New York", "GPE")] });
  await makeAnnotatorLayer(ann3.actor, d2.id, {
    status: "SUBMITTED",
    spans: [spanAt(d2.text, "Putin", "PERSON"), spanAt(d2.text, "U.N. General Assembly", "EVENT")],
  });
  await makeGoldLayer(reviewer.actor, d2.id, { spans: [spanAt(d2.text, "Putin", "PERSON")] });
});

const view = (includeInProgress = false) => projectAgreement({ actor: admin.actor, projectId: project.id, includeInProgress });

/** The dashboard's figures equal those computed from scratch, and the totals equal the sum of the documents' cells. */
async function expectCurrent(includeInProgress: boolean): Promise<ProjectAgreement> {
  const r = await view(includeInProgress);
  const ref = await referenceAgreement(project.id, includeInProgress);
  expect(r.pendingDocuments).toBe(0);
  const close = (actual: Record<string, unknown>, expected: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(expected)) {
      if (typeof v === "number" && !Number.isInteger(v)) expect(actual[k], k).toBeCloseTo(v, 12);
      else expect(actual[k], k).toEqual(v);
    }
  };
  close(r.agreement.overall, ref.overall);
  expect(r.agreement.labels.map((l) => l.label)).toEqual(ref.labels.map((l) => l.label));
  r.agreement.labels.forEach((l, i) => close(l, ref.labels[i]));
  for (const d of r.distribution) expect([d.label, d.annotators, d.gold]).toEqual([d.label, ref.annotators[d.label] ?? 0, ref.gold[d.label] ?? 0]);
  expect(await storedTotals(project.id)).toEqual(await summedDocumentCells(project.id));
  return r;
}

const labelRow = (r: ProjectAgreement, label: string) => r.agreement.labels.find((l) => l.label === label)!;
const dist = (r: ProjectAgreement, label: string) => r.distribution.find((d) => d.label === label)!;

describe(`stored agreement cells on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("starts with figures equal to a computation from scratch, in both scopes", async () => {
    const done = await expectCurrent(false);
    expect(done.agreement.overall).toMatchObject({ documents: 2, pairs: 3 });
    const all = await expectCurrent(true);
    expect(all.agreement.overall).toMatchObject({ documents: 3, pairs: 3 });
    expect(await countStale(project.id)).toBe(0);
  });

  it("follows span creates, edits and deletes in an annotator's layer", async () => {
    const [d0] = docs;
    const before = await expectCurrent(true);
    const made = await createAnnotation({ actor: ann2.actor, documentId: d0.id, input: spanAt(d0.text, "John Kerry", "PERSON") });
    const afterCreate = await expectCurrent(true);
    expect(dist(afterCreate, "PERSON").annotators).toBe(dist(before, "PERSON").annotators + 1);
    expect(labelRow(afterCreate, "PERSON").alpha).not.toEqual(labelRow(before, "PERSON").alpha);

    const relabelled = await updateAnnotation({ actor: ann2.actor, annotationId: made.annotation.id, input: { label: "ORG" } });
    const afterUpdate = await expectCurrent(true);
    expect(dist(afterUpdate, "ORG").annotators).toBe(dist(before, "ORG").annotators + 1);
    expect(dist(afterUpdate, "PERSON").annotators).toBe(dist(before, "PERSON").annotators);

    await deleteAnnotation({ actor: ann2.actor, annotationId: made.annotation.id, version: relabelled.version });
    const afterDelete = await expectCurrent(true);
    expect(afterDelete.agreement).toEqual(before.agreement);
    expect(afterDelete.distribution).toEqual(before.distribution);
    await expectCurrent(false);
  });

  it("follows submission and review decisions: a document enters and leaves the completed figures", async () => {
    const [d0] = docs;
    const before = await expectCurrent(false);
    await submitLayer({ actor: ann1.actor, documentId: d0.id });
    await submitLayer({ actor: ann2.actor, documentId: d0.id });
    const submitted = await expectCurrent(false);
    expect(submitted.agreement.overall.documents).toBe(before.agreement.overall.documents + 1);
    expect(submitted.annotators.find((a) => a.id === ann1.user.id)?.layers.SUBMITTED).toBe(3);

    const layer = await db.layer.findFirstOrThrow({ where: { documentId: d0.id, userId: ann2.user.id } });
    await rejectLayer({ actor: reviewer.actor, layerId: layer.id, input: { comment: "Baghdad is a GPE" } });
    const rejected = await expectCurrent(false);
    expect(rejected.agreement).toEqual(before.agreement);
    expect(rejected.annotators.find((a) => a.id === ann2.user.id)?.layers.REJECTED).toBe(1);
  });

  it("follows a label rename into every figure", async () => {
    const gpe = await db.label.findFirstOrThrow({ where: { projectId: project.id, name: "GPE" } });
    const before = await expectCurrent(false);
    await updateLabel({ actor: admin.actor, labelId: gpe.id, input: { name: "PLACE" } });
    const after = await expectCurrent(false);
    const { label: _old, color: _c, ...figures } = labelRow(before, "GPE");
    expect(labelRow(after, "PLACE")).toMatchObject(figures);
    expect(after.agreement.labels.find((l) => l.label === "GPE")).toBeUndefined();
    await updateLabel({ actor: admin.actor, labelId: gpe.id, input: { name: "GPE" } });
    await expectCurrent(false);
  });

  it("takes a deleted document out of the totals", async () => {
    const extra = await makeDocument(admin.actor, { text: "Kerry flew to Moscow.", project: project.slug });
    await makeAnnotatorLayer(ann1.actor, extra.id, { status: "SUBMITTED", spans: [spanAt("Kerry flew to Moscow.", "Kerry", "PERSON")] });
    await makeAnnotatorLayer(ann3.actor, extra.id, { status: "SUBMITTED", spans: [spanAt("Kerry flew to Moscow.", "Moscow", "GPE")] });
    const withIt = await expectCurrent(false);
    await db.document.delete({ where: { id: extra.id } });
    const without = await expectCurrent(false);
    expect(without.agreement.overall.documents).toBe(withIt.agreement.overall.documents - 1);
  });

  it("leaves new documents and suggestion layers out of the work: neither makes a document stale", async () => {
    await expectCurrent(false);
    const text = "Lavrov flew to Geneva.";
    const doc = await makeDocument(admin.actor, { text, project: project.slug });
    expect(await countStale(project.id)).toBe(0);
    const label = await db.label.findFirstOrThrow({ where: { projectId: project.id, name: "GPE" } });
    const geneva = spanAt(text, "Geneva", "GPE");
    await db.layer.create({
      data: {
        documentId: doc.id,
        kind: "SUGGESTIONS",
        slot: "suggestions:test",
        annotations: { create: [{ start: geneva.start, end: geneva.end, text: "Geneva", labelId: label.id, createdById: admin.user.id }] },
      },
    });
    expect(await countStale(project.id)).toBe(0);
    await makeAnnotatorLayer(ann1.actor, doc.id, { status: "SUBMITTED", spans: [geneva] });
    expect(await countStale(project.id)).toBe(1);
    await expectCurrent(false);
    await db.document.delete({ where: { id: doc.id } });
    await expectCurrent(false);
  });

  it("leaves nothing behind when a whole project goes", async () => {
    const other = await makeProject();
    const text = "Kerry met Lavrov.";
    const doc = await makeDocument(admin.actor, { text, project: other.slug });
    await makeAnnotatorLayer(ann1.actor, doc.id, { status: "SUBMITTED", spans: [spanAt(text, "Kerry", "PERSON")] });
    await makeAnnotatorLayer(ann2.actor, doc.id, { status: "SUBMITTED", spans: [spanAt(text, "Lavrov", "PERSON")] });
    expect((await projectAgreement({ actor: admin.actor, projectId: other.id })).agreement.overall.documents).toBe(1);
    await db.document.deleteMany({ where: { projectId: other.id } }); // spans keep their labels: documents go first
    await db.project.delete({ where: { id: other.id } });
    const left = await Promise.all([
      db.agreementDocument.count({ where: { projectId: other.id } }),
      db.agreementShare.count({ where: { projectId: other.id } }),
      db.agreementTotal.count({ where: { projectId: other.id } }),
      db.agreementRetired.count({ where: { projectId: other.id } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0]);
  });

  it("counts each change once when several refreshers run at the same time", async () => {
    // every document stale at once, then four refreshers (on PostgreSQL, on separate connections)
    await db.agreementDocument.updateMany({ where: { projectId: project.id }, data: { revision: { increment: 1 } } });
    expect(await countStale(project.id)).toBe(docs.length);
    await Promise.all([1, 2, 3, 4].map(() => refreshAgreement({ projectId: project.id })));
    await expectCurrent(false);
    await expectCurrent(true);
  });

  it("answers within a budget with what is still pending, and catches up after", async () => {
    await db.agreementDocument.updateMany({ where: { projectId: project.id }, data: { revision: { increment: 1 } } });
    const r = await projectAgreement({ actor: admin.actor, projectId: project.id, budgetMs: 0 });
    expect(r.pendingDocuments).toBe(docs.length);
    for (let i = 0; i < 100 && (await countStale(project.id)) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await countStale(project.id)).toBe(0);
    await expectCurrent(false);
  });
});
