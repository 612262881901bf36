import { cache } from "react";
import { getSql, toBool, toDate, toInt } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import { fromJsonText, type JsonValue } from "@/lib/db/json-value";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain/enums";

/** A document row, as Prisma's Document model has it; DocumentInfo without the text. */
export type DocumentRow = {
  id: string;
  projectId: string;
  title: string;
  text: string;
  textHash: string;
  length: number;
  outlet: string | null;
  byline: string | null;
  publishedAt: string | null;
  source: string | null;
  metadata: JsonValue;
  createdAt: Date;
  importing: boolean;
  shinglesIndexed: boolean;
};
export type DocumentInfo = Omit<DocumentRow, "text">;

const COLUMNS = `d."id", d."projectId", d."title", d."textHash", d."length", d."outlet", d."byline", d."publishedAt", d."source", d."metadata", d."createdAt", d."importing", d."shinglesIndexed"`;

// One read per page render however many loaders ask (React's cache lasts one
// server render; elsewhere — route handlers, scripts, tests — it reads every time).
// Every request of the annotation API reads it: plain SQL (lib/db/sql.ts), the scope of lib/authz.ts `documentScope`
// (a member of the project, or an admin; never a document still being imported).
const loadDocument = cache(async (actorId: string, role: Role, documentId: string): Promise<DocumentInfo | null> => {
  const sql = await getSql();
  const row =
    role === "ADMIN"
      ? await sql.one<DocumentInfo>(`SELECT ${COLUMNS} FROM "Document" d WHERE d."id" = ? AND d."importing" = ?`, [documentId, false])
      : await sql.one<DocumentInfo>(
          `SELECT ${COLUMNS} FROM "Document" d WHERE d."id" = ? AND d."importing" = ? AND EXISTS (SELECT 1 FROM "ProjectMember" m WHERE m."projectId" = d."projectId" AND m."userId" = ?)`,
          [documentId, false, actorId],
        );
  return row
    ? {
        ...row,
        metadata: fromJsonText(row.metadata),
        length: toInt(row.length),
        createdAt: toDate(row.createdAt),
        importing: toBool(row.importing),
        shinglesIndexed: toBool(row.shinglesIndexed),
      }
    : null;
});

/**
 * A document the actor may open, or 404: everything but its text. Every API
 * call checks access through this, and a report's text is up to 2,000,000
 * characters; the callers that need it ask for it (getDocumentWithText).
 */
export async function getDocument(opts: { actor: Actor; documentId: string }): Promise<DocumentInfo> {
  const doc = await loadDocument(opts.actor.id, opts.actor.role, opts.documentId);
  if (!doc) throw notFound("Document");
  return doc;
}

/** A document's text by id (its access already checked). */
export const loadDocumentText = cache(async (documentId: string): Promise<string> => {
  const row = await (await getSql()).one<{ text: string }>(`SELECT "text" FROM "Document" WHERE "id" = ?`, [documentId]);
  if (!row) throw notFound("Document");
  return row.text;
});

/** A document the actor may open, with its text, or 404. */
export async function getDocumentWithText(opts: { actor: Actor; documentId: string }): Promise<DocumentRow> {
  const doc = await getDocument(opts);
  return { ...doc, text: await loadDocumentText(doc.id) };
}

export function documentView(doc: DocumentRow) {
  return {
    id: doc.id,
    projectId: doc.projectId,
    title: doc.title,
    text: doc.text,
    length: doc.length,
    outlet: doc.outlet,
    byline: doc.byline,
    publishedAt: doc.publishedAt,
    source: doc.source,
    metadata: doc.metadata,
    createdAt: doc.createdAt.toISOString(),
  };
}
