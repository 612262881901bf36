/**
 * Indexes the documents of a project that are not in the syndication index
 * yet: the documents of a large import (started by the import when it ends),
 * documents imported before the index existed (started the first time a
 * project's syndication is asked for), or whose indexing stopped. Runs in the
 * background, in batches of documents written in bounded statements
 * (lib/syndication/shingle-index.ts); one run per project per process (a
 * second instance indexing the same documents writes the same rows, which are
 * kept once).
 */
import { db } from "@/lib/db";
import { VISIBLE_DOCUMENT } from "@/lib/documents/visible";
import { BATCH_HASHES, indexDocuments } from "./shingle-index";

const PAGE = 100;
/** documents per batch at most (the texts are held in memory meanwhile) */
const BATCH_DOCUMENTS = 1000;
/** about one shingle per 6 characters of text */
const CHARS_PER_HASH = 6;
const running = new Map<string, Promise<number>>();

export type IndexProgress = { documents: number; indexed: number; complete: boolean };

export async function indexProgress(projectId: string): Promise<IndexProgress> {
  const [documents, pending] = await Promise.all([
    db.document.count({ where: { projectId, ...VISIBLE_DOCUMENT } }),
    db.document.count({ where: { projectId, ...VISIBLE_DOCUMENT, shinglesIndexed: false } }),
  ]);
  return { documents, indexed: documents - pending, complete: pending === 0 };
}

/** Indexes every unindexed document of the project; resolves with how many it indexed. */
export async function backfillProject(projectId: string): Promise<number> {
  let done = 0;
  for (;;) {
    const batch: { id: string; text: string }[] = [];
    let hashes = 0;
    let after: string | undefined;
    while (batch.length < BATCH_DOCUMENTS && hashes < BATCH_HASHES) {
      const page = await db.document.findMany({
        where: { projectId, ...VISIBLE_DOCUMENT, shinglesIndexed: false, ...(after ? { id: { gt: after } } : {}) },
        select: { id: true, text: true },
        orderBy: { id: "asc" },
        take: PAGE,
      });
      for (const d of page) {
        batch.push(d);
        hashes += d.text.length / CHARS_PER_HASH;
        if (hashes >= BATCH_HASHES) break;
      }
      if (page.length < PAGE) break;
      after = batch[batch.length - 1].id;
    }
    if (batch.length === 0) return done;
    await indexDocuments(projectId, batch);
    done += batch.length;
  }
}

/** Starts the backfill of a project unless it is running in this process; never waits for it. */
export function startBackfill(projectId: string): Promise<number> {
  const current = running.get(projectId);
  if (current) return current;
  const run = backfillProject(projectId).finally(() => running.delete(projectId));
  run.catch((err: Error) => console.error(`syndication backfill of project ${projectId} stopped: ${err.message}`));
  running.set(projectId, run);
  return run;
}
