/**
 * The syndication index in the database (table SyndicationShingle): written
 * when a document is imported, read for one document's shingles when its
 * syndication is asked for. Every statement is bounded (at most
 * ROWS_PER_STATEMENT rows or hashes) and the event loop is given back between
 * statements, so indexing a 2,000,000-character document or reading the index
 * for it never holds the server.
 *
 * Raw SQL with the hashes as one JSON array parameter (lib/db/json-rows.ts).
 */
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { jsonIntegers } from "@/lib/db/json-rows";
import { yieldToEventLoop } from "@/lib/util/time-slice";
import { syndicationWordsAsync, type Word } from "./words";
import { shingleHashesAsync } from "./shingle-hash";

/** About 10 ms of SQLite work per statement (random inserts into the index B-tree). */
export const ROWS_PER_STATEMENT = 500;


type IndexTarget = { id: string; projectId: string; text: string };

function* batches<T>(items: T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Words and the distinct shingle hashes of a text, computed in time slices. */
export async function shinglesOf(text: string): Promise<{ words: Word[]; hashes: number[] }> {
  const words = await syndicationWordsAsync(text);
  const hashes = await shingleHashesAsync(words);
  return { words, hashes };
}

/**
 * Writes a document's shingles (idempotent: a row already there is kept), then
 * marks the document indexed. Safe to run twice at once (two instances, the
 * backfill and an import).
 */
export async function indexDocument(doc: IndexTarget): Promise<number> {
  const { hashes } = await shinglesOf(doc.text);
  const distinct = [...new Set(hashes)].sort((x, y) => x - y); // in key order: fewer B-tree pages touched per statement
  for (const batch of batches(distinct)) {
    // "WHERE true": SQLite's parser needs it between a SELECT and ON CONFLICT
    await db.$executeRaw`INSERT INTO "SyndicationShingle" ("projectId", "hash", "documentId") SELECT ${doc.projectId}, h.*, ${doc.id} FROM (${jsonIntegers(batch)}) h WHERE true ON CONFLICT DO NOTHING`;
    await yieldToEventLoop();
  }
  await db.document.updateMany({ where: { id: doc.id }, data: { shinglesIndexed: true } });
  return distinct.length;
}

/**
 * How many documents of the project hold each of `hashes`, for the hashes
 * that some other document holds too (a count of 1 is the asking document
 * itself, or a document alone with it, and is left out).
 */
export async function sharedHashCounts(projectId: string, hashes: number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const batch of batches(hashes)) {
    const rows = await db.$queryRaw<{ hash: bigint | number | string; n: bigint | number | string }[]>`
      SELECT "hash", COUNT(*) AS "n" FROM "SyndicationShingle"
      WHERE "projectId" = ${projectId} AND "hash" IN (${jsonIntegers(batch)})
      GROUP BY "hash" HAVING COUNT(*) > 1`;
    for (const r of rows) counts.set(Number(r.hash), Number(r.n));
    await yieldToEventLoop();
  }
  return counts;
}

/** Other documents of the project holding any of `hashes`. */
export async function documentsHolding(projectId: string, hashes: number[], except: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const batch of batches(hashes)) {
    const rows = await db.$queryRaw<{ documentId: string }[]>`
      SELECT DISTINCT "documentId" FROM "SyndicationShingle"
      WHERE "projectId" = ${projectId} AND "hash" IN (${jsonIntegers(batch)}) AND "documentId" <> ${except}`;
    for (const r of rows) ids.add(r.documentId);
    await yieldToEventLoop();
  }
  return [...ids];
}
