/**
 * The annotation API's reads and writes in plain SQL (lib/db/sql.ts): they
 * run on every call of the workbench, and through Prisma's query compiler
 * they were most of the server's CPU under load. Same rows, same shapes as
 * the Prisma models (AnnotationRow of annotation-view.ts).
 */
import { cuid } from "@/lib/db/cuid";
import { toDate, toInt, type Sql } from "@/lib/db/sql";
import type { AuditInput } from "@/lib/audit/record-audit";
import type { AnnotationRow } from "./annotation-view";

/** An annotation with its label name and document, as `annotationInclude` reads it. */
export const ANNOTATION_COLUMNS = `a."id", a."layerId", a."start", a."end", a."text", a."version", a."entityId", a."createdAt", a."updatedAt", lb."name" AS "labelName", ly."documentId"`;
export const ANNOTATION_JOINS = `JOIN "Label" lb ON lb."id" = a."labelId" JOIN "Layer" ly ON ly."id" = a."layerId"`;

/** An AnnotationRow as the driver hands it back: flat, dates as the database stores them. */
export type AnnotationSqlRow = Omit<AnnotationRow, "createdAt" | "updatedAt" | "label" | "layer"> & {
  createdAt: unknown;
  updatedAt: unknown;
  labelName: string;
  documentId: string;
};

export function annotationRow(r: AnnotationSqlRow): AnnotationRow {
  return {
    id: r.id,
    layerId: r.layerId,
    start: toInt(r.start),
    end: toInt(r.end),
    text: r.text,
    version: toInt(r.version),
    entityId: r.entityId,
    createdAt: toDate(r.createdAt),
    updatedAt: toDate(r.updatedAt),
    label: { name: r.labelName },
    layer: { documentId: r.documentId },
  };
}

export async function annotationById(sql: Sql, id: string): Promise<(AnnotationRow & { createdById: string }) | null> {
  const row = await sql.one<AnnotationSqlRow & { createdById: string }>(
    `SELECT ${ANNOTATION_COLUMNS}, a."createdById" FROM "Annotation" a ${ANNOTATION_JOINS} WHERE a."id" = ?`,
    [id],
  );
  return row ? { ...annotationRow(row), createdById: row.createdById } : null;
}

export async function insertAnnotation(
  sql: Sql,
  a: { id?: string; layerId: string; start: number; end: number; text: string; labelId: string; labelName: string; documentId: string; createdById: string },
): Promise<AnnotationRow> {
  const id = a.id ?? cuid();
  const now = new Date();
  await sql.run(
    `INSERT INTO "Annotation" ("id", "layerId", "start", "end", "text", "labelId", "createdById", "reviewState", "attributes", "version", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', '{}', 1, ?, ?)`,
    [id, a.layerId, a.start, a.end, a.text, a.labelId, a.createdById, now, now],
  );
  return {
    id,
    layerId: a.layerId,
    start: a.start,
    end: a.end,
    text: a.text,
    version: 1,
    entityId: null,
    createdAt: now,
    updatedAt: now,
    label: { name: a.labelName },
    layer: { documentId: a.documentId },
  };
}

/** recordAudit (lib/audit/record-audit.ts) in SQL, for writes made here. */
export async function insertAudit(sql: Sql, e: AuditInput): Promise<void> {
  await sql.run(
    `INSERT INTO "AuditEvent" ("id", "projectId", "documentId", "actorId", "subject", "subjectId", "action", "before", "after", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      cuid(),
      e.projectId,
      e.documentId ?? null,
      e.actorId,
      e.subject,
      e.subjectId,
      e.action,
      e.before == null ? null : JSON.stringify(e.before),
      e.after == null ? null : JSON.stringify(e.after),
      new Date(),
    ],
  );
}
