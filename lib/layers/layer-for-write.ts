import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { GOLD_SLOT, LOCKED_LAYER_STATUSES, userSlot, type LayerStatus } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";

/** Which layer a write goes to: the actor's own annotator layer, or the document's gold layer (reviewers). */
export type LayerTarget = "own" | "gold";

/**
 * The layer a write lands in, created on first write. An annotator's
 * submitted or approved layer is frozen until a reviewer sends it back; the
 * gold layer is frozen once the document is approved.
 */
export async function layerForWrite(tx: Tx, opts: { actor: Actor; documentId: string; target: LayerTarget }) {
  const { actor, documentId, target } = opts;
  if (target === "gold") authorize(actor, "review:decide");
  const slot = target === "gold" ? GOLD_SLOT : userSlot(actor.id);
  const layer = await tx.layer.upsert({
    where: { documentId_slot: { documentId, slot } },
    create:
      target === "gold"
        ? { documentId, slot, kind: "GOLD", status: "IN_PROGRESS" }
        : { documentId, slot, kind: "ANNOTATOR", userId: actor.id, status: "IN_PROGRESS" },
    update: {},
  });
  if (LOCKED_LAYER_STATUSES.includes(layer.status as LayerStatus)) {
    throw new AppError(
      "CONFLICT",
      target === "gold"
        ? "This document is approved; its gold layer is read-only"
        : `Your layer on this document is ${layer.status.toLowerCase()}; it can change again once a reviewer sends it back`,
    );
  }
  if (layer.status === "NOT_STARTED") {
    return tx.layer.update({ where: { id: layer.id }, data: { status: "IN_PROGRESS" } });
  }
  return layer;
}

export const targetOfLayer = (kind: string): LayerTarget => (kind === "GOLD" ? "gold" : "own");
