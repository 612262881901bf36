/**
 * The versioned write of a layer item (annotation, grade, stance), one way for
 * every kind: the item as the actor may write it (out of scope answers 404),
 * the version they loaded (stale answers 409 with the current item), the layer
 * it lives in (locked layers answer 409, see layer-for-write.ts), the change
 * guarded by that version, its audit row in the same transaction, and the
 * live event once it has committed. Each kind brings a small adapter over its
 * own transaction type: Prisma's for grades and stances, lib/db/sql.ts for
 * the annotation API's hot path.
 */
import { AppError, notFound } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import type { AuditInput } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { targetOfLayer, type LayerTarget, type WriteLayer } from "./layer-for-write";

/** What the shared write needs of an item as loaded for writing: its version and where it lives. */
export type LayerItem = { id: string; version: number; layer: { documentId: string; kind: string; document: { projectId: string } } };

/** What a kind announces after a write committed. */
export type LayerItemChange<Row, View> = { type: "updated"; row: Row; view: View } | { type: "deleted"; id: string };

/** One kind of layer item: how it is found, reloaded, shown, deleted, audited and announced. */
export interface LayerItemKind<Tx, Item extends LayerItem & Row, Row, View> {
  /** the word in messages: "annotation" */
  noun: string;
  subject: AuditInput["subject"];
  /** the item if the actor may write it (lib/authz.ts), else null */
  findWritable(actor: Actor, id: string): Promise<Item | null>;
  /** the item as it is now, inside the write's transaction; null when gone */
  reload(tx: Tx, id: string): Promise<Row | null>;
  view(row: Row): View;
  snapshot(row: Row): unknown;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  layerForWrite(tx: Tx, opts: { actor: Actor; documentId: string; target: LayerTarget }): Promise<WriteLayer>;
  /** deletes the item if it is still at `version`; resolves with the number of rows deleted */
  deleteAtVersion(tx: Tx, id: string, version: number): Promise<number>;
  audit(tx: Tx, entry: AuditInput): Promise<void>;
  publish(layer: WriteLayer, projectId: string, actorId: string, change: LayerItemChange<Row, View>): Promise<void>;
}

const titled = (noun: string) => noun[0].toUpperCase() + noun.slice(1);

export const staleItem = (noun: string, current: unknown) =>
  new AppError("CONFLICT", `This ${noun} was changed elsewhere since you loaded it; reload to see the current version`, { current });

/** The item the actor may write (403 for a role that may not annotate, 404 out of scope), at `version` when they name one (409 with the current item otherwise). */
export async function itemForWrite<Tx, Item extends LayerItem & Row, Row, View>(
  kind: LayerItemKind<Tx, Item, Row, View>,
  opts: { actor: Actor; id: string; version?: number },
): Promise<Item> {
  authorize(opts.actor, "layer:annotate");
  const item = await kind.findWritable(opts.actor, opts.id);
  if (!item) throw notFound(titled(kind.noun));
  if (opts.version !== undefined && opts.version !== item.version) throw staleItem(kind.noun, kind.view(item));
  return item;
}

/**
 * Runs `change` on `before` in one transaction with its layer taken for writing and its audit row.
 * `change` writes guarded by `before.version` and resolves with the number of rows it updated: 0 means
 * someone else's change won, which answers 409 with the item as it is now.
 */
export async function updateLayerItem<Tx, Item extends LayerItem & Row, Row, View>(
  kind: LayerItemKind<Tx, Item, Row, View>,
  opts: { actor: Actor; before: Item; change: (tx: Tx) => Promise<number> },
): Promise<{ row: Row; view: View }> {
  const { actor, before } = opts;
  const { documentId, document } = before.layer;
  const { row, layer } = await kind.transaction(async (tx) => {
    const layer = await kind.layerForWrite(tx, { actor, documentId, target: targetOfLayer(before.layer.kind) });
    const count = await opts.change(tx);
    const row = await kind.reload(tx, before.id);
    if (!row) throw notFound(titled(kind.noun));
    if (count === 0) throw staleItem(kind.noun, kind.view(row));
    await kind.audit(tx, {
      projectId: document.projectId,
      documentId,
      actorId: actor.id,
      subject: kind.subject,
      subjectId: before.id,
      action: "UPDATE",
      before: kind.snapshot(before),
      after: kind.snapshot(row),
    });
    return { row, layer };
  });
  const view = kind.view(row);
  await kind.publish(layer, document.projectId, actor.id, { type: "updated", row, view });
  return { row, view };
}

/** Deletes an item the actor may write, at `version` when they name one, with its audit row. */
export async function deleteLayerItem<Tx, Item extends LayerItem & Row, Row, View>(
  kind: LayerItemKind<Tx, Item, Row, View>,
  opts: { actor: Actor; id: string; version?: number },
): Promise<void> {
  const before = await itemForWrite(kind, opts);
  const { documentId, document } = before.layer;
  const layer = await kind.transaction(async (tx) => {
    const layer = await kind.layerForWrite(tx, { actor: opts.actor, documentId, target: targetOfLayer(before.layer.kind) });
    const count = await kind.deleteAtVersion(tx, before.id, before.version);
    if (count === 0) throw new AppError("CONFLICT", `This ${kind.noun} was changed or deleted elsewhere; reload to see the current state`);
    await kind.audit(tx, {
      projectId: document.projectId,
      documentId,
      actorId: opts.actor.id,
      subject: kind.subject,
      subjectId: before.id,
      action: "DELETE",
      before: kind.snapshot(before),
    });
    return layer;
  });
  await kind.publish(layer, document.projectId, opts.actor.id, { type: "deleted", id: before.id });
}
