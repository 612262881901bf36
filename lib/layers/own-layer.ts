import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { LOCKED_LAYER_STATUSES, userSlot, type LayerStatus } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";

/**
 * The actor's own annotator layer on a document, created on first write.
 * A submitted or approved layer is frozen until a reviewer sends it back.
 */
export async function ownLayerForWrite(tx: Tx, opts: { actor: Actor; documentId: string }) {
  const layer = await tx.layer.upsert({
    where: { documentId_slot: { documentId: opts.documentId, slot: userSlot(opts.actor.id) } },
    create: { documentId: opts.documentId, slot: userSlot(opts.actor.id), kind: "ANNOTATOR", userId: opts.actor.id, status: "IN_PROGRESS" },
    update: {},
  });
  if (LOCKED_LAYER_STATUSES.includes(layer.status as LayerStatus)) {
    throw new AppError("CONFLICT", `Your layer on this document is ${layer.status.toLowerCase()}; it can change again once a reviewer sends it back`);
  }
  if (layer.status === "NOT_STARTED") {
    return tx.layer.update({ where: { id: layer.id }, data: { status: "IN_PROGRESS" } });
  }
  return layer;
}
