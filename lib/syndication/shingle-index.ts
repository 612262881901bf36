/**
 * The syndication index in the database (table SyndicationShingle): written
 * for documents in batches after they are imported, read for one document's
 * shingles when its syndication is asked for.
 *
 * Writing: the index is one B-tree ordered by (project, hash). Rows written
 * document by document land on random pages, and SQLite writes every page a
 * transaction touches in full (to the WAL, then again at the checkpoint): 400
 * shingles of a document cost about 400 page writes, which made a 5,000-
 * document import 5x slower. So documents are indexed in batches of up to
 * BATCH_HASHES shingles, the batch's rows grouped by hash range, and each
 * range written by one statement: a statement touches a few neighbouring
 * pages. Every statement is bounded and the event loop is given back between
 * statements, so indexing a 2,000,000-character document or a whole project
 * never holds the server.
 *
 * Raw SQL with the rows as one JSON parameter (lib/db/json-rows.ts).
 */
import { db } from "@/lib/db";
import { jsonIntegers, jsonRows } from "@/lib/db/json-rows";
import { batches } from "@/lib/db/batched-read";
import { slicer, yieldToEventLoop, type Slicer } from "@/lib/util/time-slice";
import { syndicationWordsAsync, type Word } from "./words";
import { shingleHashesAsync } from "./shingle-hash";

/** About 10 ms of SQLite work per statement. */
export const ROWS_PER_STATEMENT = 500;
/** Hashes looked up per statement: a wire passage's hashes are held by many documents each, and each row read counts. */
const HASHES_PER_READ = 100;
/** Shingles indexed in one batch (their hashes and documents are held in memory meanwhile). */
export const BATCH_HASHES = 250_000;
const HASH_SPACE = 2 ** 53;

type IndexTarget = { id: string; text: string };

/**
 * The distinct hashes in increasing order. A typed array sorts 300,000
 * numbers natively in a few milliseconds; a Set or a sort with a comparator
 * takes a good part of a second for a 2,000,000-character document.
 */
export function distinctSorted(hashes: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(hashes).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i];
  return sorted.subarray(0, n);
}

function* sortedBatches(hashes: number[] | Float64Array, size: number): Generator<number[]> {
  const sorted = hashes instanceof Float64Array ? hashes : distinctSorted(hashes);
  for (let i = 0; i < sorted.length; i += size) yield Array.from(sorted.subarray(i, i + size));
}

/** Words and the shingle hashes of a text (one per start position), computed in time slices. */
export async function shinglesOf(text: string, clock?: Slicer): Promise<{ words: Word[]; hashes: number[] }> {
  const words = await syndicationWordsAsync(text, clock);
  const hashes = await shingleHashesAsync(words, clock);
  return { words, hashes };
}

/**
 * Writes the shingles of documents of one project (idempotent: a row already
 * there is kept), then marks them indexed. Safe to run twice at once (two
 * instances, the backfill and an import). Returns how many rows it wrote.
 */
export async function indexDocuments(projectId: string, docs: IndexTarget[]): Promise<number> {
  if (!docs.length) return 0;
  const perDoc: Float64Array[] = [];
  let total = 0;
  const clock = slicer();
  for (const d of docs) {
    const { hashes } = await shinglesOf(d.text, clock);
    const distinct = distinctSorted(hashes);
    perDoc.push(distinct);
    total += distinct.length;
  }
  // group the rows by hash range: about ROWS_PER_STATEMENT per range, each range in key order
  const ranges = Math.max(1, Math.ceil(total / ROWS_PER_STATEMENT));
  const buckets: { hash: number; documentId: string }[][] = Array.from({ length: ranges }, () => []);
  for (let k = 0; k < docs.length; k++) {
    const hashes = perDoc[k];
    for (let i = 0; i < hashes.length; i++) {
      if (i % 4096 === 0 && clock.due()) await clock.pause();
      buckets[Math.min(ranges - 1, Math.floor((hashes[i] / HASH_SPACE) * ranges))].push({ hash: hashes[i], documentId: docs[k].id });
    }
  }
  perDoc.length = 0;
  for (const bucket of buckets) {
    bucket.sort((x, y) => x.hash - y.hash || (x.documentId < y.documentId ? -1 : 1));
    for (const rows of batches(bucket, 2 * ROWS_PER_STATEMENT)) {
      // "WHERE true": SQLite's parser needs it between a SELECT and ON CONFLICT
      await db.$executeRaw`INSERT INTO "SyndicationShingle" ("projectId", "hash", "documentId") SELECT ${projectId}, r."hash", r."documentId" FROM (${jsonRows(
        rows,
        [
          ["hash", "bigint"],
          ["documentId", "text"],
        ],
      )}) r WHERE true ON CONFLICT DO NOTHING`;
      await yieldToEventLoop();
    }
  }
  for (const ids of batches(
    docs.map((d) => d.id),
    ROWS_PER_STATEMENT,
  ))
    await db.document.updateMany({ where: { id: { in: ids } }, data: { shinglesIndexed: true } });
  return total;
}

/** One document (its syndication asked for before the backfill reached it). */
export function indexDocument(doc: IndexTarget & { projectId: string }): Promise<number> {
  return indexDocuments(doc.projectId, [doc]);
}

/**
 * How many documents of the project hold each of `hashes`, for the hashes
 * that some other document holds too (a count of 1 is the asking document
 * itself, or a document alone with it, and is left out).
 */
export async function sharedHashCounts(projectId: string, hashes: number[] | Float64Array): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const batch of sortedBatches(hashes, HASHES_PER_READ)) {
    const rows = await db.$queryRaw<{ hash: bigint | number | string; n: bigint | number | string }[]>`
      SELECT "hash", COUNT(*) AS "n" FROM "SyndicationShingle"
      WHERE "projectId" = ${projectId} AND "hash" IN (${jsonIntegers(batch)})
      GROUP BY "hash" HAVING COUNT(*) > 1`;
    for (const r of rows) counts.set(Number(r.hash), Number(r.n));
    await yieldToEventLoop();
  }
  return counts;
}

/** Other documents of the project holding any of `hashes`, with how many of them each holds. */
export async function documentsHolding(projectId: string, hashes: number[], except: string): Promise<Map<string, number>> {
  const shared = new Map<string, number>();
  for (const batch of sortedBatches(hashes, HASHES_PER_READ)) {
    const rows = await db.$queryRaw<{ documentId: string; n: bigint | number | string }[]>`
      SELECT "documentId", COUNT(*) AS "n" FROM "SyndicationShingle"
      WHERE "projectId" = ${projectId} AND "hash" IN (${jsonIntegers(batch)}) AND "documentId" <> ${except}
      GROUP BY "documentId"`;
    for (const r of rows) shared.set(r.documentId, (shared.get(r.documentId) ?? 0) + Number(r.n));
    await yieldToEventLoop();
  }
  return shared;
}
