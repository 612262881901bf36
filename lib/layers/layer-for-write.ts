import type { Tx } from "@/lib/db";
import { cuid } from "@/lib/db/cuid";
import type { Sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { GOLD_SLOT, LOCKED_LAYER_STATUSES, userSlot, type LayerKind, type LayerStatus } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";

/** Which layer a write goes to: the actor's own annotator layer, or the document's gold layer (reviewers). */
export type LayerTarget = "own" | "gold";

/** What a write needs of its layer (the row of the Layer model, for the live event and the checks). */
export type WriteLayer = { id: string; documentId: string; kind: LayerKind; userId: string | null; status: LayerStatus };

function slotFor(actor: Actor, target: LayerTarget) {
  if (target === "gold") authorize(actor, "review:decide");
  return target === "gold" ? GOLD_SLOT : userSlot(actor.id);
}

function assertWritable(layer: { status: LayerStatus }, target: LayerTarget) {
  if (LOCKED_LAYER_STATUSES.includes(layer.status)) {
    throw new AppError(
      "CONFLICT",
      target === "gold"
        ? "This document is approved; its gold layer is read-only"
        : `Your layer on this document is ${layer.status.toLowerCase()}; it can change again once a reviewer sends it back`,
    );
  }
}

/**
 * The layer a write lands in, created on first write. An annotator's
 * submitted or approved layer is frozen until a reviewer sends it back; the
 * gold layer is frozen once the document is approved.
 */
export async function layerForWrite(tx: Tx, opts: { actor: Actor; documentId: string; target: LayerTarget }) {
  const { actor, documentId, target } = opts;
  const slot = slotFor(actor, target);
  const layer = await tx.layer.upsert({
    where: { documentId_slot: { documentId, slot } },
    create:
      target === "gold"
        ? { documentId, slot, kind: "GOLD", status: "IN_PROGRESS" }
        : { documentId, slot, kind: "ANNOTATOR", userId: actor.id, status: "IN_PROGRESS" },
    update: {},
  });
  assertWritable(layer, target);
  if (layer.status === "NOT_STARTED") {
    return tx.layer.update({ where: { id: layer.id }, data: { status: "IN_PROGRESS" } });
  }
  return layer;
}

/** layerForWrite in plain SQL, inside a transaction of lib/db/sql.ts (the annotation API's hot path). */
export async function layerForWriteSql(tx: Sql, opts: { actor: Actor; documentId: string; target: LayerTarget }): Promise<WriteLayer> {
  const { actor, documentId, target } = opts;
  const slot = slotFor(actor, target);
  const select = () =>
    tx.one<WriteLayer>(`SELECT "id", "documentId", "kind", "userId", "status" FROM "Layer" WHERE "documentId" = ? AND "slot" = ?`, [documentId, slot]);
  let layer = await select();
  if (!layer) {
    const now = new Date();
    await tx.run(
      `INSERT INTO "Layer" ("id", "documentId", "kind", "userId", "slot", "status", "version", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, 'IN_PROGRESS', 0, ?, ?)
       ON CONFLICT ("documentId", "slot") DO NOTHING`,
      [cuid(), documentId, target === "gold" ? "GOLD" : "ANNOTATOR", target === "gold" ? null : actor.id, slot, now, now],
    );
    layer = (await select())!;
  }
  assertWritable(layer, target);
  if (layer.status === "NOT_STARTED") {
    await tx.run(`UPDATE "Layer" SET "status" = 'IN_PROGRESS', "updatedAt" = ? WHERE "id" = ?`, [new Date(), layer.id]);
    return { ...layer, status: "IN_PROGRESS" as const };
  }
  return layer;
}

export const targetOfLayer = (kind: string): LayerTarget => (kind === "GOLD" ? "gold" : "own");
