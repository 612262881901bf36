import { db } from "@/lib/db";
import { authorize, documentScope } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";

/** An annotator's annotation on a document the reviewer may open, with what review needs to know about it. */
export async function reviewableAnnotation(actor: Actor, annotationId: string) {
  authorize(actor, "review:decide");
  const row = await db.annotation.findFirst({
    where: { id: annotationId, layer: { kind: "ANNOTATOR", document: documentScope(actor) } },
    include: { layer: { select: { id: true, documentId: true, document: { select: { projectId: true } } } }, label: { select: { name: true } } },
  });
  if (!row) throw notFound("Annotation");
  return row;
}

/** An annotator layer on a document the reviewer may open. */
export async function reviewableLayer(actor: Actor, layerId: string) {
  authorize(actor, "review:decide");
  const layer = await db.layer.findFirst({
    where: { id: layerId, kind: "ANNOTATOR", document: documentScope(actor) },
    include: { document: { select: { id: true, projectId: true } } },
  });
  if (!layer) throw notFound("Layer");
  return layer;
}
