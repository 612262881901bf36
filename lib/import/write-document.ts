/**
 * Writes one imported document with its spans without holding the server:
 *
 * - The spans (annotations and their ANNOTATION IMPORT audit rows) are
 *   inserted with raw SQL taking the rows as one JSON parameter
 *   (lib/db/json-rows.ts), at most SPANS_PER_TRANSACTION per transaction, and
 *   the event loop is given back between transactions. (Prisma's query
 *   compiler needs about a millisecond per row of a createMany, synchronously;
 *   on SQLite every other request also waits for an open transaction.)
 * - A document with few spans is written in one short transaction, as before.
 * - A document with more is created invisible (`importing`), its spans are
 *   added chunk by chunk, and one last statement makes it visible: until then
 *   nobody can open, list, assign or export it. If a chunk fails, what was
 *   written is removed (in bounded deletes) and the error is reported for the
 *   record; nothing half-written is left visible. A process killed meanwhile
 *   leaves an invisible document that a later import of the same text
 *   replaces once it is stale (removeStaleImport).
 * - `hidden: true` keeps the document invisible even when complete: the
 *   all-or-nothing mode reveals all of its documents at once at the end.
 */
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { newId } from "@/lib/db/new-id";
import { jsonRows, timestampParam } from "@/lib/db/json-rows";
import { jsonInput } from "@/lib/db/json-value";
import { recordAudit } from "@/lib/audit/record-audit";
import { codePointLength } from "@/lib/text/offsets";
import { yieldToEventLoop } from "@/lib/util/time-slice";
import type { ParsedDocument } from "./types";
import { originOfSlot } from "@/lib/domain/enums";

export const SPANS_PER_TRANSACTION = 250;
const DELETE_BATCH = 1000;
/** An invisible document older than this is the leftover of an import that died. */
export const STALE_IMPORT_MS = 60 * 60 * 1000;

export type SpanTarget = { kind: "SUGGESTIONS" | "ANNOTATOR"; slot: string; userId: string | null };

export type WriteDocument = {
  projectId: string;
  actorId: string;
  doc: ParsedDocument;
  hash: string;
  target: SpanTarget;
  labelIds: ReadonlyMap<string, string>;
  metadata: Record<string, unknown>;
  /** runs first in the document's first transaction (labels the import creates) */
  prepare?: (tx: Tx) => Promise<void>;
  /** leave the document invisible (the caller reveals it) */
  hidden?: boolean;
};

/** Inserts spans [from, to) of the document's spans into the layer, with their audit rows. */
async function insertSpans(tx: Tx, w: WriteDocument, documentId: string, layerId: string, from: number, to: number) {
  const now = timestampParam(new Date());
  const spans = w.doc.spans.slice(from, to);
  const ids = spans.map(() => newId());
  const annotations = spans.map((s, i) => ({ id: ids[i], start: s.start, end: s.end, text: s.text, labelId: w.labelIds.get(s.label)! }));
  // suggestions carry their origin, as a model run's do (lib/assist/suggestion-layer.ts)
  const origin = w.target.kind === "SUGGESTIONS" ? originOfSlot(w.target.slot) : null;
  await tx.$executeRaw`INSERT INTO "Annotation" ("id", "layerId", "start", "end", "text", "labelId", "origin", "createdById", "createdAt", "updatedAt")
    SELECT r."id", ${layerId}, r."start", r."end", r."text", r."labelId", ${origin}, ${w.actorId}, ${now}, ${now}
    FROM (${jsonRows(annotations, [
      ["id", "text"],
      ["start", "int"],
      ["end", "int"],
      ["text", "text"],
      ["labelId", "text"],
    ])}) r`;
  const audits = spans.map((s, i) => ({
    id: newId(),
    subjectId: ids[i],
    after: JSON.stringify({ layerId, start: s.start, end: s.end, text: s.text, label: s.label }),
  }));
  await tx.$executeRaw`INSERT INTO "AuditEvent" ("id", "projectId", "documentId", "actorId", "subject", "subjectId", "action", "after", "createdAt")
    SELECT r."id", ${w.projectId}, ${documentId}, ${w.actorId}, 'ANNOTATION', r."subjectId", 'IMPORT', r."after", ${now}
    FROM (${jsonRows(audits, [
      ["id", "text"],
      ["subjectId", "text"],
      ["after", "jsonb"],
    ])}) r`;
}

/** Creates the document (and its span layer when it has spans); returns their ids. */
async function createDocument(tx: Tx, w: WriteDocument, importing: boolean) {
  await w.prepare?.(tx);
  const created = await tx.document.create({
    data: {
      projectId: w.projectId,
      title: w.doc.title,
      text: w.doc.text,
      textHash: w.hash,
      length: codePointLength(w.doc.text),
      outlet: w.doc.meta.outlet,
      byline: w.doc.meta.byline,
      publishedAt: w.doc.meta.published_at,
      source: w.doc.meta.source,
      metadata: jsonInput(w.metadata),
      importing,
    },
    select: { id: true, title: true, length: true },
  });
  await recordAudit(tx, {
    projectId: w.projectId,
    documentId: created.id,
    actorId: w.actorId,
    subject: "DOCUMENT",
    subjectId: created.id,
    action: "IMPORT",
    after: { title: created.title, textHash: w.hash, length: created.length, line: w.doc.line },
  });
  if (!w.doc.spans.length) return { id: created.id, title: created.title, layerId: null };
  const layer = await tx.layer.create({
    data: {
      documentId: created.id,
      kind: w.target.kind,
      userId: w.target.userId,
      slot: w.target.slot,
      status: w.target.kind === "ANNOTATOR" ? "IN_PROGRESS" : "NOT_STARTED",
    },
    select: { id: true },
  });
  return { id: created.id, title: created.title, layerId: layer.id };
}

export async function writeImportedDocument(w: WriteDocument): Promise<{ id: string; title: string }> {
  const n = w.doc.spans.length;
  if (n <= SPANS_PER_TRANSACTION) {
    return db.$transaction(async (tx) => {
      const created = await createDocument(tx, w, !!w.hidden);
      if (created.layerId) await insertSpans(tx, w, created.id, created.layerId, 0, n);
      return created;
    });
  }
  const created = await db.$transaction((tx) => createDocument(tx, w, true));
  try {
    for (let from = 0; from < n; from += SPANS_PER_TRANSACTION) {
      await yieldToEventLoop();
      await db.$transaction((tx) => insertSpans(tx, w, created.id, created.layerId!, from, Math.min(n, from + SPANS_PER_TRANSACTION)));
    }
    if (!w.hidden) await revealDocuments([created.id]);
  } catch (err) {
    await removeDocument(created.id).catch((cleanup: Error) =>
      console.error(`import: could not remove the partial document ${created.id}: ${cleanup.message}`),
    );
    throw err;
  }
  return created;
}

/** Makes imported documents visible, all in one transaction. */
export async function revealDocuments(ids: string[]) {
  if (!ids.length) return;
  await db.$transaction(async (tx) => {
    for (let i = 0; i < ids.length; i += DELETE_BATCH) {
      await tx.document.updateMany({ where: { id: { in: ids.slice(i, i + DELETE_BATCH) } }, data: { importing: false } });
    }
  });
}

/**
 * Deletes a document in bounded statements: its annotations and audit rows a
 * batch at a time, then the document (whose cascade is small by then). Only
 * documents still being imported are removed here, and those are never in
 * the syndication index (the indexer reads visible documents only).
 */
export async function removeDocument(id: string) {
  const tables = [
    Prisma.sql`DELETE FROM "Annotation" WHERE "id" IN (SELECT a."id" FROM "Annotation" a JOIN "Layer" l ON l."id" = a."layerId" WHERE l."documentId" = ${id} LIMIT ${DELETE_BATCH})`,
    Prisma.sql`DELETE FROM "AuditEvent" WHERE "id" IN (SELECT "id" FROM "AuditEvent" WHERE "documentId" = ${id} LIMIT ${DELETE_BATCH})`,
  ];
  for (const statement of tables) {
    for (;;) {
      const removed = await db.$executeRaw(statement);
      await yieldToEventLoop();
      if (removed < DELETE_BATCH) break;
    }
  }
  await db.document.deleteMany({ where: { id } });
}

/**
 * When the text is already in the project only as the invisible leftover of
 * an import that died (older than STALE_IMPORT_MS), removes it and answers
 * true: the text may be imported again.
 */
export async function removeStaleImport(existing: { id: string; importing: boolean; createdAt: Date }): Promise<boolean> {
  if (!existing.importing || Date.now() - existing.createdAt.getTime() < STALE_IMPORT_MS) return false;
  await removeDocument(existing.id);
  return true;
}
