/**
 * Indexes the documents of a project that are not in the syndication index
 * yet (imported before the index existed, or whose import stopped between
 * writing the document and indexing it). Runs in the background, one
 * document at a time in bounded statements (lib/syndication/shingle-index.ts),
 * started lazily the first time a project's syndication is asked for; one run
 * per project per process (a second instance indexing the same documents
 * writes the same rows, which are kept once).
 */
import { db } from "@/lib/db";
import { VISIBLE_DOCUMENT } from "@/lib/documents/visible";
import { indexDocument } from "./shingle-index";

const BATCH = 20;
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
  const failed = new Set<string>();
  for (;;) {
    const docs = await db.document.findMany({
      where: { projectId, ...VISIBLE_DOCUMENT, shinglesIndexed: false, id: { notIn: [...failed] } },
      select: { id: true, projectId: true, text: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (docs.length === 0) return done;
    for (const doc of docs) {
      try {
        await indexDocument(doc);
        done++;
      } catch (err) {
        // deleted meanwhile, or a database error: skip it this run, say so
        failed.add(doc.id);
        console.error(`syndication backfill: document ${doc.id}: ${(err as Error).message}`);
      }
    }
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
