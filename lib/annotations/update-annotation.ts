import type { z } from "zod";
import { getSql, type Sql } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import { can } from "@/lib/authz";
import { layerForWriteSql } from "@/lib/layers/layer-for-write";
import { deleteLayerItem, itemForWrite, staleItem, updateLayerItem, type LayerItemKind } from "@/lib/layers/versioned-write";
import type { Actor } from "@/lib/auth/actor";
import { documentTextIndexOf } from "@/lib/text/text-index-cache";
import { loadDocumentText } from "@/lib/documents/get-document";
import { UpdateAnnotationInput, labelByNameSql, spanText } from "./span-input";
import { annotationView, auditSnapshot, type AnnotationRow, type AnnotationView } from "./annotation-view";
import { ANNOTATION_COLUMNS, ANNOTATION_JOINS, annotationById, annotationRow, insertAudit, type AnnotationSqlRow } from "./annotation-sql";
import { layerRef, publishDocumentEvent } from "@/lib/realtime/publish";

type Writable = AnnotationRow & { layer: { documentId: string; kind: string; document: { id: string; projectId: string; textHash: string } } };

/**
 * An annotation the actor may change (lib/authz.ts `writableAnnotationScope`: their own layers, and for
 * reviewers and admins the gold layers of their projects), with its document's project (not its text: a
 * relabel or a delete needs none, and a move reads it only when the text index is not held already).
 */
async function writableAnnotation(sql: Sql, actor: Actor, id: string): Promise<Writable> {
  const reviewer = can(actor, "review:decide");
  const member = actor.role !== "ADMIN"; // admins reach every project
  const gold = reviewer
    ? ` OR (ly."kind" = 'GOLD' AND d."importing" = ?${member ? ` AND EXISTS (SELECT 1 FROM "ProjectMember" m WHERE m."projectId" = d."projectId" AND m."userId" = ?)` : ""})`
    : "";
  const row = await sql.one<AnnotationSqlRow & { kind: string; projectId: string; textHash: string }>(
    `SELECT ${ANNOTATION_COLUMNS}, ly."kind", d."projectId", d."textHash"
       FROM "Annotation" a ${ANNOTATION_JOINS} JOIN "Document" d ON d."id" = ly."documentId"
      WHERE a."id" = ? AND ((ly."userId" = ? AND ly."kind" = 'ANNOTATOR')${gold})`,
    [id, actor.id, ...(reviewer ? [false, ...(member ? [actor.id] : [])] : [])],
  );
  if (!row) throw notFound("Annotation");
  const a = annotationRow(row);
  return { ...a, layer: { documentId: row.documentId, kind: row.kind, document: { id: row.documentId, projectId: row.projectId, textHash: row.textHash } } };
}

export const staleVersion = (current: unknown) => staleItem("annotation", current);

/** Annotations as a layer item of lib/layers/versioned-write.ts, written in plain SQL (the annotation API's hot path). */
const annotations: LayerItemKind<Sql, Writable, AnnotationRow, AnnotationView> = {
  noun: "annotation",
  subject: "ANNOTATION",
  findWritable: async (actor, id) => writableAnnotation(await getSql(), actor, id),
  reload: annotationById,
  view: annotationView,
  snapshot: auditSnapshot,
  transaction: async (fn) => (await getSql()).transaction(fn),
  layerForWrite: layerForWriteSql,
  deleteAtVersion: (tx, id, version) => tx.run(`DELETE FROM "Annotation" WHERE "id" = ? AND "version" = ?`, [id, version]),
  audit: insertAudit,
  publish: (layer, projectId, actorId, change) =>
    publishDocumentEvent(
      change.type === "updated"
        ? { type: "annotation.updated", ...layerRef(layer, projectId, actorId), annotation: change.view }
        : { type: "annotation.deleted", ...layerRef(layer, projectId, actorId), annotationId: change.id },
    ),
};

/** Changes label or offsets of an annotation in a layer the actor may write (own, or gold for reviewers); `version` guards against lost updates. */
export async function updateAnnotation(opts: { actor: Actor; annotationId: string; input: z.input<typeof UpdateAnnotationInput> }) {
  const input = UpdateAnnotationInput.parse(opts.input);
  const before = await itemForWrite(annotations, { actor: opts.actor, id: opts.annotationId, version: input.version });
  const { projectId } = before.layer.document;
  const start = input.start ?? before.start;
  const end = input.end ?? before.end;
  const moved = start !== before.start || end !== before.end;
  const text = moved ? spanText(await documentTextIndexOf(before.layer.document, loadDocumentText), start, end) : before.text;

  const { view } = await updateLayerItem(annotations, {
    actor: opts.actor,
    before,
    change: async (tx) => {
      const label = input.label ? await labelByNameSql(tx, projectId, input.label) : null;
      // an annotator's change is new work: whatever review said about the old span no longer holds
      return tx.run(
        `UPDATE "Annotation" SET "start" = ?, "end" = ?, "text" = ?, "labelId" = COALESCE(?, "labelId"), "reviewState" = CASE WHEN ? THEN 'PENDING' ELSE "reviewState" END,
                "version" = "version" + 1, "updatedAt" = ?
          WHERE "id" = ? AND "version" = ?`,
        [start, end, text, label?.id ?? null, before.layer.kind === "ANNOTATOR", new Date(), before.id, before.version],
      );
    },
  });
  return view;
}

/** Removes an annotation from a layer the actor may write. */
export async function deleteAnnotation(opts: { actor: Actor; annotationId: string; version?: number }) {
  await deleteLayerItem(annotations, { actor: opts.actor, id: opts.annotationId, version: opts.version });
}
