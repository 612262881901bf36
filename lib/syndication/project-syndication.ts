/**
 * Syndication of one document, read from the index in the database
 * (lib/syndication/shingle-index.ts) instead of computed over the corpus:
 *
 * 1. the document's shingle hashes, and how many documents of the project
 *    hold each of them (a shingle in more than boilerplateLimit(documents) is
 *    boilerplate, as in the whole-corpus SyndicationIndex);
 * 2. the documents holding any of its other shared shingles: the only ones
 *    that can share a passage with it;
 * 3. the exact pairwise match (sharedPassages) with each of those.
 *
 * The work grows with the document and the documents it shares text with,
 * not with the project. A wire story reprinted by a thousand documents would
 * still mean a thousand exact matches, so the listing (documentSyndication)
 * matches at most MAX_CANDIDATES of them, those sharing the most shingles
 * with it first (then by id), and says how many there were (`candidates`);
 * the span-copying and grading callers match all of them. Documents not indexed yet (from before the index) are
 * indexed by a background backfill started here; until it is complete the
 * answer says how far it is (`index`).
 */
import { db } from "@/lib/db";
import { getDocumentWithText } from "@/lib/documents/get-document";
import { VISIBLE_DOCUMENT } from "@/lib/documents/visible";
import type { Actor } from "@/lib/auth/actor";
import { SyndicationIndex, type IndexedDocument } from "./corpus";
import { boilerplateLimit } from "./match";
import { distinctSorted, documentsHolding, indexDocument, sharedHashCounts, shinglesOf } from "./shingle-index";
import { indexProgress, startBackfill, type IndexProgress } from "./backfill";
import { syndicationWordsAsync } from "./words";
import { slicer } from "@/lib/util/time-slice";

const CANDIDATE_BATCH = 50;
/** Documents matched exactly for one document's listing, at most. */
export const MAX_CANDIDATES = 250;

export type CandidateCount = { total: number; matched: number };

type Focus = { id: string; projectId: string; title: string; text: string; shinglesIndexed: boolean };

/** A SyndicationIndex that answers for `doc` (passagesOf, mapSpan, copiesOfSpan), built from the database index. */
export async function syndicationAround(
  doc: Focus,
  opts: { maxCandidates?: number } = {},
): Promise<{ index: SyndicationIndex; progress: IndexProgress; candidates: CandidateCount }> {
  if (!doc.shinglesIndexed) await indexDocument(doc);
  let progress = await indexProgress(doc.projectId);
  if (!progress.complete) {
    void startBackfill(doc.projectId).catch(() => undefined);
    progress = await indexProgress(doc.projectId);
  }
  const clock = slicer();
  const { words, hashes } = await shinglesOf(doc.text, clock);
  const counts = await sharedHashCounts(doc.projectId, distinctSorted(hashes));
  const limit = boilerplateLimit(progress.documents);
  const ignore = new Set([...counts].filter(([, n]) => n > limit).map(([h]) => h));
  const shared = [...counts].filter(([, n]) => n <= limit).map(([h]) => h);
  const sharing = shared.length ? await documentsHolding(doc.projectId, shared, doc.id) : new Map<string, number>();
  const ranked = [...sharing].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).map(([id]) => id);
  const candidateIds = ranked.slice(0, opts.maxCandidates ?? ranked.length);
  const documents: IndexedDocument[] = [{ id: doc.id, title: doc.title, text: doc.text, words }];
  for (let i = 0; i < candidateIds.length; i += CANDIDATE_BATCH) {
    const rows = await db.document.findMany({
      where: { id: { in: candidateIds.slice(i, i + CANDIDATE_BATCH) }, projectId: doc.projectId, ...VISIBLE_DOCUMENT },
      select: { id: true, title: true, text: true },
    });
    for (const r of rows) documents.push({ ...r, words: await syndicationWordsAsync(r.text, clock) });
    if (clock.due()) await clock.pause();
  }
  const index = await SyndicationIndex.around(documents, { focusId: doc.id, ignore, focusHashes: hashes });
  return { index, progress, candidates: { total: ranked.length, matched: candidateIds.length } };
}

/** The same for a document given by id (no access check: callers have checked it). */
export async function syndicationOfDocument(documentId: string) {
  const doc = await db.document.findUniqueOrThrow({
    where: { id: documentId },
    select: { id: true, projectId: true, title: true, text: true, shinglesIndexed: true },
  });
  return syndicationAround(doc);
}

/** The passages a document shares with other documents of its project (the actor must be able to open it). */
export async function documentSyndication(opts: { actor: Actor; documentId: string }) {
  const doc = await getDocumentWithText(opts);
  const { index, progress, candidates } = await syndicationAround(doc, { maxCandidates: MAX_CANDIDATES });
  return { documentId: doc.id, passages: index.passagesOf(doc.id), index: progress, candidates };
}
