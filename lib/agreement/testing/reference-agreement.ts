/**
 * A project's agreement and distribution computed from scratch, the way the
 * dashboard did before it kept cells: every counted layer read and fed to the
 * reference tally. Tests only.
 */
import { db } from "@/lib/db";
import { countedLayerWhere, countedStatuses } from "../counted-layers";
import { addCells, type Cells } from "../document-cells";
import { decodeShare, SCOPES, type Scope } from "../document-share";
import { LegacyAgreementTally } from "./legacy-agreement-tally";

const view = (x: number) => (Number.isFinite(x) ? x : null);

export async function referenceAgreement(projectId: string, includeInProgress: boolean) {
  const statuses = countedStatuses(includeInProgress);
  const where = countedLayerWhere(projectId, statuses);
  const labels = await db.label.findMany({ where: { projectId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
  const tally = new LegacyAgreementTally(labels.filter((l) => !l.archived).map((l) => l.name));
  const docs = await db.document.findMany({
    where: { projectId },
    orderBy: { id: "asc" },
    select: { text: true, layers: { where, select: { userId: true, annotations: { select: { start: true, end: true, label: { select: { name: true } } } } } } },
  });
  for (const doc of docs) {
    tally.addDocument(doc.text, new Map(doc.layers.map((l) => [l.userId!, l.annotations.map((a) => ({ start: a.start, end: a.end, label: a.label.name }))])));
  }
  const counts = async (layer: object) =>
    Object.fromEntries(
      (await db.annotation.groupBy({ by: ["labelId"], where: { layer }, _count: { _all: true } })).map((g) => [
        labels.find((l) => l.id === g.labelId)!.name,
        g._count._all,
      ]),
    );
  const figures = (f: ReturnType<LegacyAgreementTally["overall"]>) => ({
    ...f,
    alpha: view(f.alpha),
    kappa: view(f.kappa),
    f1Exact: view(f.f1Exact),
    f1Overlap: view(f.f1Overlap),
  });
  return {
    overall: figures(tally.overall()),
    labels: tally.perLabel().map((r) => ({ label: r.label, ...figures(r.figures) })),
    annotators: await counts(where),
    gold: await counts({ kind: "GOLD", document: { projectId } }),
  };
}

/** The sums of the cells stored per document, per scope: what the project's totals must hold. */
export async function summedDocumentCells(projectId: string): Promise<Record<Scope, Cells>> {
  const sums: Record<Scope, Cells> = { completed: new Map(), in_progress: new Map(), all: new Map() };
  for (const row of await db.agreementShare.findMany({ where: { projectId }, select: { cells: true } })) {
    const share = decodeShare(row.cells);
    for (const scope of SCOPES) addCells(sums[scope], share[scope]);
  }
  return sums;
}

export async function storedTotals(projectId: string): Promise<Record<Scope, Cells>> {
  const totals: Record<Scope, Cells> = { completed: new Map(), in_progress: new Map(), all: new Map() };
  for (const t of await db.agreementTotal.findMany({ where: { projectId, NOT: { n: 0 } } })) totals[t.scope as Scope].set(t.cell, t.n);
  return totals;
}
