import { db } from "@/lib/db";
import { getDocument } from "@/lib/documents/get-document";
import { authorize } from "@/lib/authz";
import { GOLD_SLOT, userSlot } from "@/lib/domain/enums";
import type { LayerTarget } from "@/lib/layers/layer-for-write";
import type { Actor } from "@/lib/auth/actor";
import { annotationInclude, annotationView } from "./annotation-view";

/** A layer the actor writes to on a document (own, or gold for reviewers): its status and annotations in text order. */
export async function listLayerAnnotations(opts: { actor: Actor; documentId: string; target?: LayerTarget }) {
  const target = opts.target ?? "own";
  if (target === "gold") authorize(opts.actor, "review:decide");
  const doc = await getDocument(opts);
  const layer = await db.layer.findUnique({
    where: { documentId_slot: { documentId: doc.id, slot: target === "gold" ? GOLD_SLOT : userSlot(opts.actor.id) } },
    include: { annotations: { include: annotationInclude, orderBy: [{ start: "asc" }, { end: "desc" }] } },
  });
  return {
    documentId: doc.id,
    layer: layer ? { id: layer.id, status: layer.status } : null,
    annotations: (layer?.annotations ?? []).map(annotationView),
  };
}
