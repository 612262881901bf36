import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";

/**
 * Other annotators' layers on a document, for an annotator's own page: empty
 * unless the project lets annotators see each other's work before review.
 */
export async function otherAnnotatorSpans(opts: { actor: Actor; document: { id: string; projectId: string } }) {
  const project = await db.project.findUniqueOrThrow({ where: { id: opts.document.projectId }, select: { showOtherLayers: true } });
  if (!project.showOtherLayers) return [];
  const layers = await db.layer.findMany({
    where: { documentId: opts.document.id, kind: "ANNOTATOR", NOT: { userId: opts.actor.id } },
    include: { user: { select: { name: true } }, annotations: { include: { label: { select: { name: true } } } } },
  });
  return layers.flatMap((l) =>
    l.annotations.map((a) => ({ id: a.id, start: a.start, end: a.end, label: a.label.name, text: a.text, layerName: l.user?.name ?? "Another annotator" })),
  );
}
