import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { readLayerSpans, inTextOrder } from "@/lib/db/batched-read";
import { labelNames } from "@/lib/annotations/page-span";
import { documentScope } from "@/lib/authz";
import { notFound } from "@/lib/errors";

/** A span of another annotator's layer as a page hands it to the browser (its text is sliced there). */
export type OverlayPageSpan = { id: string; start: number; end: number; label: string; layerName: string };

/**
 * Other annotators' layers on a document, for an annotator's own page: empty
 * unless the project lets annotators see each other's work before review.
 */
export async function otherAnnotatorSpans(opts: { actor: Actor; document: { id: string; projectId: string } }): Promise<OverlayPageSpan[]> {
  const doc = await db.document.findFirst({
    where: { id: opts.document.id, ...documentScope(opts.actor) },
    select: { id: true, projectId: true, project: { select: { showOtherLayers: true } } },
  });
  if (!doc) throw notFound("Document");
  if (!doc.project.showOtherLayers) return [];
  const layers = await db.layer.findMany({
    where: { documentId: doc.id, kind: "ANNOTATOR", NOT: { userId: opts.actor.id } },
    select: { id: true, user: { select: { name: true } } },
  });
  const label = await labelNames(doc.projectId);
  const spans: OverlayPageSpan[] = [];
  for (const l of layers) {
    const layerName = l.user?.name ?? "Another annotator";
    const rows = await readLayerSpans(l.id, (args) => db.annotation.findMany({ ...args, select: { id: true, start: true, end: true, labelId: true } }));
    for (const r of rows) spans.push({ id: r.id, start: r.start, end: r.end, label: label(r.labelId), layerName });
  }
  return spans.sort(inTextOrder);
}
