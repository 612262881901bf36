import { cache } from "react";
import { getSql, toBool, toDate, toInt } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain/enums";

/** A document row, as Prisma's Document model has it. */
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
  metadata: string;
  createdAt: Date;
  importing: boolean;
  shinglesIndexed: boolean;
};

const COLUMNS = `d."id", d."projectId", d."title", d."text", d."textHash", d."length", d."outlet", d."byline", d."publishedAt", d."source", d."metadata", d."createdAt", d."importing", d."shinglesIndexed"`;

// One read per page render however many loaders ask (React's cache lasts one
// server render; elsewhere — route handlers, scripts, tests — it reads every time).
// Every request of the annotation API reads it: plain SQL (lib/db/sql.ts), the scope of lib/authz.ts `documentScope`
// (a member of the project, or an admin; never a document still being imported).
const loadDocument = cache(async (actorId: string, role: Role, documentId: string): Promise<DocumentRow | null> => {
  const sql = await getSql();
  const row =
    role === "ADMIN"
      ? await sql.one<DocumentRow>(`SELECT ${COLUMNS} FROM "Document" d WHERE d."id" = ? AND d."importing" = ?`, [documentId, false])
      : await sql.one<DocumentRow>(
          `SELECT ${COLUMNS} FROM "Document" d WHERE d."id" = ? AND d."importing" = ? AND EXISTS (SELECT 1 FROM "ProjectMember" m WHERE m."projectId" = d."projectId" AND m."userId" = ?)`,
          [documentId, false, actorId],
        );
  return row ? { ...row, length: toInt(row.length), createdAt: toDate(row.createdAt), importing: toBool(row.importing), shinglesIndexed: toBool(row.shinglesIndexed) } : null;
});

/** A document the actor may open, or 404. */
export async function getDocument(opts: { actor: Actor; documentId: string }): Promise<DocumentRow> {
  const doc = await loadDocument(opts.actor.id, opts.actor.role, opts.documentId);
  if (!doc) throw notFound("Document");
  return doc;
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
    metadata: JSON.parse(doc.metadata) as Record<string, unknown>,
    createdAt: doc.createdAt.toISOString(),
  };
}
