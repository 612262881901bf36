import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { makeAnnotatorLayer, makeDocument, makeGoldLayer, makeProject, makeUser, spanAt } from "@/lib/testing/factories";
import { cohenKappa } from "./cohen-kappa";
import { krippendorffAlpha } from "./krippendorff-alpha";
import { projectAgreement, type ProjectAgreement } from "./project-agreement";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx, outsider: Ctx, ann1: Ctx, ann2: Ctx, ann3: Ctx;
let projectId: string;

// 9 words: Sergey Lavrov met John Kerry in Baghdad on Sunday
const DOC1 = "Sergey Lavrov met John Kerry in Baghdad on Sunday.";
const DOC2 = "Abadi said Iraq would share intelligence.";

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  outsider = await makeUser("REVIEWER");
  ann1 = await makeUser("ANNOTATOR");
  ann2 = await makeUser("ANNOTATOR");
  ann3 = await makeUser("ANNOTATOR");
  const project = await makeProject(); // every user so far becomes a member
  projectId = project.id;
  await db.projectMember.deleteMany({ where: { projectId, userId: outsider.user.id } });

  const doc1 = await makeDocument(admin.actor, { text: DOC1, project: project.slug });
  const doc2 = await makeDocument(admin.actor, { text: DOC2, project: project.slug });
  const s = (needle: string, label: string) => spanAt(DOC1, needle, label);
  await makeAnnotatorLayer(ann1.actor, doc1.id, { status: "SUBMITTED", spans: [s("Sergey Lavrov", "PERSON"), s("John Kerry", "PERSON"), s("Baghdad", "GPE")] });
  await makeAnnotatorLayer(ann2.actor, doc1.id, {
    status: "APPROVED",
    spans: [s("Lavrov", "PERSON"), s("John Kerry", "ORG"), s("Baghdad", "GPE"), s("Sunday", "DATE")],
  });
  await makeAnnotatorLayer(ann3.actor, doc1.id, { status: "IN_PROGRESS", spans: [s("Sergey Lavrov", "PERSON")] });
  await makeGoldLayer(reviewer.actor, doc1.id, { spans: [s("Sergey Lavrov", "PERSON"), s("John Kerry", "PERSON"), s("Baghdad", "GPE")] });
  // doc 2 has one counted layer only (the other was sent back), so it is not compared
  await makeAnnotatorLayer(ann1.actor, doc2.id, { status: "SUBMITTED", spans: [spanAt(DOC2, "Abadi", "PERSON")] });
  await makeAnnotatorLayer(ann2.actor, doc2.id, { status: "REJECTED", spans: [spanAt(DOC2, "Iraq", "GPE")] });
});

const row = (r: ProjectAgreement, label: string) => r.agreement.labels.find((l) => l.label === label);

// The word units written out: per word of doc 1, 1 where the annotator marked it with the label.
const PERSON = { ann1: [1, 1, 0, 1, 1, 0, 0, 0, 0], ann2: [0, 1, 0, 0, 0, 0, 0, 0, 0], ann3: [1, 1, 0, 0, 0, 0, 0, 0, 0] };
const DATE = { ann1: [0, 0, 0, 0, 0, 0, 0, 0, 0], ann2: [0, 0, 0, 0, 0, 0, 0, 0, 1] };

describe(`project agreement on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("counts submitted and approved layers of documents with two annotators, per label", async () => {
    const r = await projectAgreement({ actor: admin.actor, projectId });
    expect(r.counted).toEqual({ statuses: ["SUBMITTED", "APPROVED"], includeInProgress: false });
    expect(r.agreement.overall).toMatchObject({ units: 9, documents: 1, pairs: 1 });

    const person = row(r, "PERSON");
    expect(person).toMatchObject({ color: "#0077bb", units: 9, documents: 1, pairs: 1, f1Exact: 0 });
    expect(person?.alpha).toBeCloseTo(krippendorffAlpha([PERSON.ann1, PERSON.ann2], "nominal"), 12);
    expect(person?.kappa).toBeCloseTo(cohenKappa(PERSON.ann1, PERSON.ann2), 12);
    expect(person?.f1Overlap).toBeCloseTo(2 / 3, 12); // 2 spans against 1, one pair overlaps

    expect(row(r, "GPE")).toMatchObject({ alpha: 1, kappa: 1, f1Exact: 1, f1Overlap: 1 });
    expect(row(r, "DATE")?.alpha).toBeCloseTo(krippendorffAlpha([DATE.ann1, DATE.ann2], "nominal"), 12);
    expect(row(r, "DATE")).toMatchObject({ f1Exact: 0, kappa: 0 });
    // nobody used LOC: no variation, so no figure rather than a made-up one
    expect(row(r, "LOC")).toMatchObject({ alpha: null, kappa: null, f1Exact: null, f1Overlap: null, units: 9, documents: 1 });
  });

  it("includes in-progress layers when asked: a third annotator joins the comparison", async () => {
    const r = await projectAgreement({ actor: admin.actor, projectId, includeInProgress: true });
    expect(r.counted.statuses).toEqual(["SUBMITTED", "APPROVED", "IN_PROGRESS"]);
    expect(r.agreement.overall).toMatchObject({ units: 9, documents: 1, pairs: 3 });
    expect(row(r, "PERSON")?.alpha).toBeCloseTo(krippendorffAlpha([PERSON.ann1, PERSON.ann2, PERSON.ann3], "nominal"), 12);
    const kappas = [cohenKappa(PERSON.ann1, PERSON.ann2), cohenKappa(PERSON.ann1, PERSON.ann3), cohenKappa(PERSON.ann2, PERSON.ann3)];
    expect(row(r, "PERSON")?.kappa).toBeCloseTo(kappas.reduce((a, b) => a + b) / 3, 12);
  });

  it("reports each annotator's layers by status and their spans", async () => {
    const r = await projectAgreement({ actor: reviewer.actor, projectId });
    const of = (u: Ctx) => r.annotators.find((a) => a.id === u.user.id);
    expect(of(ann1)).toMatchObject({ name: ann1.user.name, spans: 4, layers: { SUBMITTED: 2, APPROVED: 0, IN_PROGRESS: 0, REJECTED: 0, NOT_STARTED: 0 } });
    expect(of(ann2)).toMatchObject({ spans: 5, layers: { APPROVED: 1, REJECTED: 1 } });
    expect(of(ann3)).toMatchObject({ spans: 1, layers: { IN_PROGRESS: 1 } });
    expect(of(admin)).toBeUndefined(); // not an annotator, and has no layer here
  });

  it("counts labels in the counted annotator layers and in gold", async () => {
    const r = await projectAgreement({ actor: admin.actor, projectId });
    const d = Object.fromEntries(r.distribution.map((x) => [x.label, { annotators: x.annotators, gold: x.gold }]));
    expect(d.PERSON).toEqual({ annotators: 4, gold: 2 });
    expect(d.GPE).toEqual({ annotators: 2, gold: 1 }); // the rejected layer's GPE is not counted
    expect(d.ORG).toEqual({ annotators: 1, gold: 0 });
    expect(d.DATE).toEqual({ annotators: 1, gold: 0 });
    expect(d.LOC).toEqual({ annotators: 0, gold: 0 });
    const inProgress = await projectAgreement({ actor: admin.actor, projectId, includeInProgress: true });
    expect(inProgress.distribution.find((x) => x.label === "PERSON")?.annotators).toBe(5);
  });

  it("hides annotator names from reviewers of a blind-review project, not from admins", async () => {
    const project = await makeProject();
    await db.project.update({ where: { id: project.id }, data: { blindReview: true } });
    const doc = await makeDocument(admin.actor, { text: DOC2, project: project.slug });
    await makeAnnotatorLayer(ann1.actor, doc.id, { status: "SUBMITTED", spans: [spanAt(DOC2, "Iraq", "GPE")] });
    const asReviewer = await projectAgreement({ actor: reviewer.actor, projectId: project.id });
    expect(asReviewer.annotators.map((a) => a.name)).not.toContain(ann1.user.name);
    expect(asReviewer.annotators.map((a) => a.id)).not.toContain(ann1.user.id);
    expect(asReviewer.annotators.find((a) => a.spans === 1)?.name).toMatch(/^Annotator [A-Z2-9]{4}$/);
    const asAdmin = await projectAgreement({ actor: admin.actor, projectId: project.slug });
    expect(asAdmin.annotators.find((a) => a.id === ann1.user.id)?.name).toBe(ann1.user.name);
  });

  it("has no figures for a project without compared documents", async () => {
    const project = await makeProject();
    const r = await projectAgreement({ actor: admin.actor, projectId: project.id });
    expect(r.agreement.overall).toEqual({ alpha: null, kappa: null, f1Exact: null, f1Overlap: null, units: 0, documents: 0, pairs: 0 });
    expect(r.distribution.every((d) => d.annotators === 0 && d.gold === 0)).toBe(true);
  });

  it("refuses annotators (403) and answers 404 to non-members and unknown projects", async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "OK",
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      );
    expect(await code(projectAgreement({ actor: ann1.actor, projectId }))).toBe("FORBIDDEN");
    expect(await code(projectAgreement({ actor: outsider.actor, projectId }))).toBe("NOT_FOUND");
    expect(await code(projectAgreement({ actor: admin.actor, projectId: "no-such-project" }))).toBe("NOT_FOUND");
    expect(await code(projectAgreement({ actor: reviewer.actor, projectId }))).toBe("OK");
  });
});

describe(`models against gold on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("scores each model's suggestions against the gold of approved documents, per label", async () => {
    const { writeSuggestions } = await import("@/lib/assist/suggestion-layer");
    const { TextIndex } = await import("@/lib/text/offsets");
    const project = await makeProject();
    const approved = await makeDocument(admin.actor, { text: DOC1, project: project.slug });
    const open = await makeDocument(admin.actor, { text: DOC1 + " Again.", project: project.slug });
    const s = (needle: string, label: string) => spanAt(DOC1, needle, label);
    const gold = [s("Sergey Lavrov", "PERSON"), s("John Kerry", "PERSON"), s("Baghdad", "GPE")];
    await makeGoldLayer(reviewer.actor, approved.id, { status: "APPROVED", spans: gold });
    await makeGoldLayer(reviewer.actor, open.id, { status: "IN_PROGRESS", spans: gold });
    const labels = await db.label.findMany({ where: { projectId: project.id } });
    const index = new TextIndex(DOC1);
    for (const documentId of [approved.id, open.id]) {
      await writeSuggestions({
        documentId,
        origin: "builtin:test",
        proposals: [s("Sergey Lavrov", "PERSON"), s("Kerry", "PERSON"), s("Baghdad", "GPE"), s("Sunday", "DATE")],
        labelIds: new Map(labels.map((l) => [l.name, l.id])),
        slice: (a, b) => index.slice(a, b),
        createdById: admin.user.id,
      });
    }
    const r = await projectAgreement({ actor: reviewer.actor, projectId: project.id });
    expect(r.models.map((m) => m.origin)).toEqual(["builtin:test"]);
    const [model] = r.models;
    // only the approved document counts: PERSON 1 of 2 suggested is in gold, 1 of 2 gold found; GPE right; DATE not in gold
    expect(model.overall).toMatchObject({ candidate: 4, reference: 3, matched: 2 });
    expect(model.overall.precision).toBeCloseTo(2 / 4, 12);
    expect(model.overall.recall).toBeCloseTo(2 / 3, 12);
    const person = model.labels.find((l) => l.label === "PERSON")!;
    expect(person).toMatchObject({ candidate: 2, reference: 2, matched: 1, precision: 0.5, recall: 0.5 });
    expect(model.labels.find((l) => l.label === "DATE")).toMatchObject({ candidate: 1, reference: 0, matched: 0, precision: 0 });
    expect(model.labels.find((l) => l.label === "DATE")?.recall).toBeNull();
  });
});
