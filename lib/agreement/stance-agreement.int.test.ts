import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createStance, deleteStance, updateStance } from "@/lib/stances/stances";
import { makeAnnotatorLayer, makeDocument, makeProject, makeUser } from "@/lib/testing/factories";
import { projectAgreement } from "./project-agreement";
import { documentShare, encodeShare } from "./document-share";
import { readDocuments } from "./stored/read-documents";
import { addToTotals } from "./stored/totals";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, a: Ctx, b: Ctx, c: Ctx;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  [a, b, c] = [await makeUser("ANNOTATOR"), await makeUser("ANNOTATOR"), await makeUser("ANNOTATOR")];
});

describe(`agreement on stances on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("counts holder → target → polarity on shared pairs, kept per document and updated when a stance changes", async () => {
    const project = await makeProject();
    const doc = await makeDocument(admin.actor, { project: project.slug });
    const entity = async (name: string) => (await db.canonicalEntity.create({ data: { projectId: project.id, name, type: "PERSON" } })).id;
    const [h1, h2, h3, h4] = [await entity("Kerry"), await entity("Lavrov"), await entity("Abadi"), await entity("Assad")];
    const t = (await db.stanceTarget.create({ data: { projectId: project.id, text: "the cell" } })).id;
    const say = (who: Ctx, holderId: string, polarity: "FAVOR" | "AGAINST" | "NEUTRAL") =>
      createStance({ actor: who.actor, documentId: doc.id, input: { holderId, targetId: t, polarity, documentLevel: true } });
    await say(a, h1, "FAVOR");
    await say(a, h2, "AGAINST");
    await say(a, h3, "NEUTRAL");
    await say(b, h1, "FAVOR");
    await say(b, h2, "FAVOR");
    await say(b, h3, "NEUTRAL");
    await say(b, h4, "FAVOR");
    const cStance = await say(c, h1, "AGAINST");
    await makeAnnotatorLayer(a.actor, doc.id, { status: "SUBMITTED" });
    await makeAnnotatorLayer(b.actor, doc.id, { status: "SUBMITTED" });
    // c still works: counted only with in-progress layers

    const figures = async (includeInProgress: boolean) =>
      (await projectAgreement({ actor: admin.actor, projectId: project.id, includeInProgress })).agreement.stances;

    // completed: A–B share h1, h2, h3: (F,F) (A,F) (N,N) → 2/3; κ = (3·2 − 3)/(9 − 3) = 0.5
    expect(await figures(false)).toEqual({ percent: 2 / 3, kappa: 0.5, units: 3, pairs: 1, documents: 1 });
    // with C: A–C and B–C share h1, (F,A) each: 2/5 agree; κ mean (0.5 + 0 + 0)/3
    const withC = await figures(true);
    expect(withC).toMatchObject({ units: 5, pairs: 3, documents: 3 });
    expect(withC.percent).toBeCloseTo(2 / 5, 12);
    expect(withC.kappa).toBeCloseTo(1 / 6, 12);

    // C changes their mind: the document's cells are recomputed (no trigger sees stances; the write marks them stale)
    const changed = await updateStance({ actor: c.actor, stanceId: cStance.id, input: { polarity: "FAVOR", version: cStance.version } });
    const agreeing = await figures(true);
    // A–C and B–C now agree on h1 (κ undefined there: one category); 4/5 agree; κ is A–B's alone
    expect(agreeing).toMatchObject({ units: 5, pairs: 3, kappa: 0.5 });
    expect(agreeing.percent).toBeCloseTo(4 / 5, 12);

    await deleteStance({ actor: c.actor, stanceId: cStance.id, version: changed.version });
    expect(await figures(true)).toEqual({ percent: 2 / 3, kappa: 0.5, units: 3, pairs: 1, documents: 1 });
  });

  it("recomputes documents whose stored cells predate the stance cells", async () => {
    const project = await makeProject();
    const doc = await makeDocument(admin.actor, { project: project.slug });
    const holder = (await db.canonicalEntity.create({ data: { projectId: project.id, name: "Kerry", type: "PERSON" } })).id;
    const targetId = (await db.stanceTarget.create({ data: { projectId: project.id, text: "the cell" } })).id;
    for (const who of [a, b]) {
      await createStance({ actor: who.actor, documentId: doc.id, input: { holderId: holder, targetId, polarity: "AGAINST", documentLevel: true } });
      await makeAnnotatorLayer(who.actor, doc.id, { status: "SUBMITTED" });
    }
    // What an older version stored: the share without stance cells and without the version, counted in the totals.
    const [read] = await readDocuments([doc.id]);
    const old = documentShare(
      read.text,
      read.layers.map((l) => ({ ...l, stances: [] })),
    );
    const cells = JSON.stringify({ ...JSON.parse(encodeShare(old)), v: undefined });
    expect(cells.startsWith('{"users"')).toBe(true);
    await db.$transaction(async (tx) => {
      const { revision } = await tx.agreementDocument.findUniqueOrThrow({ where: { documentId: doc.id } });
      await tx.agreementDocument.update({ where: { documentId: doc.id }, data: { computedRevision: revision } });
      await tx.agreementShare.create({ data: { documentId: doc.id, projectId: project.id, cells } });
      await addToTotals(tx, project.id, old);
    });
    const { agreement } = await projectAgreement({ actor: admin.actor, projectId: project.id });
    expect(agreement.stances).toEqual({ percent: 1, kappa: null, units: 1, pairs: 1, documents: 1 });
    expect(agreement.overall.documents).toBe(1); // the span cells are not counted twice
  });
});
