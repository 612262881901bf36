import { db } from "@/lib/db";
import { getDocument } from "@/lib/documents/get-document";
import { userSlot } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import { annotationInclude, annotationView } from "./annotation-view";

/** The actor's own layer on a document: its status and annotations in text order. */
export async function listOwnAnnotations(opts: { actor: Actor; documentId: string }) {
  const doc = await getDocument(opts);
  const layer = await db.layer.findUnique({
    where: { documentId_slot: { documentId: doc.id, slot: userSlot(opts.actor.id) } },
    include: { annotations: { include: annotationInclude, orderBy: [{ start: "asc" }, { end: "desc" }] } },
  });
  return {
    documentId: doc.id,
    layer: layer ? { id: layer.id, status: layer.status } : null,
    annotations: (layer?.annotations ?? []).map(annotationView),
  };
}
