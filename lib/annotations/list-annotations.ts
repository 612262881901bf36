import { db } from "@/lib/db";
import { getSql } from "@/lib/db/sql";
import { getDocument } from "@/lib/documents/get-document";
import { authorize } from "@/lib/authz";
import { GOLD_SLOT, userSlot } from "@/lib/domain/enums";
import type { LayerTarget } from "@/lib/layers/layer-for-write";
import type { Actor } from "@/lib/auth/actor";
import { annotationView } from "./annotation-view";
import { ANNOTATION_COLUMNS, ANNOTATION_JOINS, annotationRow, type AnnotationSqlRow } from "./annotation-sql";
import { readLayerSpans, inTextOrder } from "@/lib/db/batched-read";
import { labelNames, pageSpanColumns, type PageSpan } from "./page-span";

type LayerQuery = { actor: Actor; documentId: string; target?: LayerTarget };

/** The document and the slot of the layer the actor writes to on it (own, or gold for reviewers). */
async function editedLayerSlot(opts: LayerQuery) {
  const target = opts.target ?? "own";
  if (target === "gold") authorize(opts.actor, "review:decide");
  const doc = await getDocument(opts);
  const slot = target === "gold" ? GOLD_SLOT : userSlot(opts.actor.id);
  return { doc, slot, where: { documentId_slot: { documentId: doc.id, slot } } };
}

/** A layer the actor writes to on a document (own, or gold for reviewers): its status and annotations in text order. */
export async function listLayerAnnotations(opts: LayerQuery) {
  const { doc, slot } = await editedLayerSlot(opts);
  const sql = await getSql();
  const layer = await sql.one<{ id: string; status: string }>(`SELECT "id", "status" FROM "Layer" WHERE "documentId" = ? AND "slot" = ?`, [doc.id, slot]);
  const rows = layer
    ? await sql.all<AnnotationSqlRow>(
        `SELECT ${ANNOTATION_COLUMNS} FROM "Annotation" a ${ANNOTATION_JOINS} WHERE a."layerId" = ? ORDER BY a."start" ASC, a."end" DESC`,
        [layer.id],
      )
    : [];
  return {
    documentId: doc.id,
    layer: layer ? { id: layer.id, status: layer.status } : null,
    annotations: rows.map((r) => annotationView(annotationRow(r))),
  };
}

/**
 * The same layer as the workbench page sends it (PageSpan): only what it draws, read without joins, the label
 * names taken from the project's labels (archived ones too). Reading the full view of thousands of spans was most
 * of the page's render.
 */
export async function listLayerPageSpans(opts: LayerQuery) {
  const { doc, where } = await editedLayerSlot(opts);
  const layer = await db.layer.findUnique({ where, select: { id: true, status: true } });
  const label = await labelNames(doc.projectId);
  const rows = layer ? await readLayerSpans(layer.id, (args) => db.annotation.findMany({ ...args, select: pageSpanColumns })) : [];
  return {
    layer,
    annotations: rows.map((r): PageSpan => ({ id: r.id, start: r.start, end: r.end, label: label(r.labelId), version: r.version })).sort(inTextOrder),
  };
}
