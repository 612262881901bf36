/**
 * Feeds a project's counted annotator layers into an AgreementTally, a few
 * documents at a time so that memory stays flat however large the project.
 * Only documents with at least two counted layers are read.
 */
import { db } from "@/lib/db";
import type { LayerStatus } from "@/lib/domain/enums";
import { AgreementTally } from "./agreement-tally";
import { countedLayerWhere } from "./counted-layers";
import type { LabeledSpan } from "./token-units";

const BATCH = 25;

export async function tallyProject(opts: { projectId: string; statuses: readonly LayerStatus[]; labels: readonly string[] }) {
  const where = countedLayerWhere(opts.projectId, opts.statuses);
  const perDocument = await db.layer.groupBy({ by: ["documentId"], where, _count: { _all: true } });
  const documentIds = perDocument
    .filter((g) => g._count._all >= 2)
    .map((g) => g.documentId)
    .sort();
  const tally = new AgreementTally(opts.labels);
  for (let i = 0; i < documentIds.length; i += BATCH) {
    const docs = await db.document.findMany({
      where: { id: { in: documentIds.slice(i, i + BATCH) } },
      orderBy: { id: "asc" },
      select: {
        text: true,
        layers: { where, select: { userId: true, annotations: { select: { start: true, end: true, label: { select: { name: true } } } } } },
      },
    });
    for (const doc of docs) {
      const layers = new Map<string, LabeledSpan[]>();
      for (const layer of doc.layers) {
        if (layer.userId) layers.set(layer.userId, layer.annotations.map((a) => ({ start: a.start, end: a.end, label: a.label.name })));
      }
      tally.addDocument(doc.text, layers);
    }
  }
  return tally;
}
