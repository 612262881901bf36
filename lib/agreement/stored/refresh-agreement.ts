/**
 * Brings a project's stored agreement cells up to date: recomputes the
 * documents whose revision moved past the one their cells were computed
 * from (database triggers bump it on every change, see the migration
 * *_agreement_cells), and moves the difference into the project's totals.
 *
 * Work goes a few documents at a time, letting the event loop turn between
 * pieces (SQLite queries resolve without it turning), so no request waits
 * behind it. Several instances may refresh one project at once: the write of
 * a piece takes the project's advisory lock on PostgreSQL (SQLite has one
 * writer), and a document's cells are only replaced by those of a later
 * revision, so each change is counted exactly once.
 */
import { performance } from "node:perf_hooks";
import { db, type Tx } from "@/lib/db";
import { databaseProvider } from "@/lib/db/url";
import { addCells, type Cells } from "../document-cells";
import { decodeShare, documentShare, encodeShare, SCOPES, type DocumentShare, type Scope } from "../document-share";
import { addToTotals } from "./totals";
import { turn } from "./turn";

/** documents read, computed and written together */
const PIECE = 10;
/** JS work between two turns of the event loop */
const SLICE_MS = 10;
const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;


type Stale = { documentId: string; revision: number };

/**
 * Refreshes until nothing is stale or `budgetMs` has passed (no budget: until
 * done). Returns how many documents are still stale.
 */
export async function refreshAgreement(opts: { projectId: string; budgetMs?: number }): Promise<{ pending: number }> {
  const deadline = performance.now() + (opts.budgetMs ?? Infinity);
  const { projectId } = opts;
  await takeOutRetired(projectId);
  // Two passes over the documents in id order: a document changed again while it was recomputed is taken up once more.
  for (let pass = 0; pass < 2; pass++) {
    let after = "";
    for (;;) {
      if (performance.now() >= deadline) return { pending: await countStale(projectId) };
      const stale = await db.$queryRaw<Stale[]>`
        SELECT "documentId", "revision" FROM "AgreementDocument"
        WHERE "projectId" = ${projectId} AND "revision" <> "computedRevision" AND "documentId" > ${after}
        ORDER BY "documentId" LIMIT ${PIECE}`;
      if (stale.length === 0) break;
      await refreshDocuments(projectId, stale.map((s) => ({ documentId: s.documentId, revision: Number(s.revision) })));
      after = stale[stale.length - 1].documentId;
      await turn();
    }
  }
  return { pending: await countStale(projectId) };
}

export async function countStale(projectId: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS n FROM "AgreementDocument" WHERE "projectId" = ${projectId} AND "revision" <> "computedRevision"`;
  return Number(rows[0]?.n ?? 0);
}

const refreshing = new Set<string>();

/** Goes on refreshing after a request's budget ran out (once per project in this process). */
export function refreshInBackground(projectId: string): void {
  if (refreshing.has(projectId)) return;
  refreshing.add(projectId);
  refreshAgreement({ projectId })
    .catch((err: unknown) => console.error(`agreement refresh of project ${projectId} failed`, err))
    .finally(() => refreshing.delete(projectId));
}

async function refreshDocuments(projectId: string, stale: Stale[]) {
  // The revisions were read before the layers: a change after that leaves the document stale, never wrongly fresh.
  const docs = await db.document.findMany({
    where: { id: { in: stale.map((s) => s.documentId) } },
    select: {
      id: true,
      text: true,
      layers: {
        where: { kind: { in: ["ANNOTATOR", "GOLD"] } },
        select: { kind: true, userId: true, status: true, annotations: { select: { start: true, end: true, label: { select: { name: true } } } } },
      },
    },
  });
  const shares = new Map<string, DocumentShare>();
  let slice = performance.now();
  for (const doc of docs) {
    const layers = doc.layers.map((l) => ({ ...l, spans: l.annotations.map((a) => ({ start: a.start, end: a.end, label: a.label.name })) }));
    shares.set(doc.id, documentShare(doc.text, layers));
    if (performance.now() - slice > SLICE_MS) {
      await turn();
      slice = performance.now();
    }
  }
  const revisionOf = new Map(stale.map((s) => [s.documentId, s.revision]));
  await db.$transaction(async (tx) => {
    await lockProject(tx, projectId);
    const stored = await tx.agreementDocument.findMany({
      where: { documentId: { in: [...shares.keys()] } },
      select: { documentId: true, computedRevision: true, cells: true },
    });
    const delta = emptyDelta();
    for (const row of stored) {
      const revision = revisionOf.get(row.documentId)!;
      if (row.computedRevision >= revision) continue; // another refresher stored this revision or a later one
      const next = shares.get(row.documentId)!;
      const previous = decodeShare(row.cells);
      for (const scope of SCOPES) {
        addCells(delta[scope], next[scope]);
        addCells(delta[scope], previous[scope], -1);
      }
      await tx.agreementDocument.update({ where: { documentId: row.documentId }, data: { cells: encodeShare(next), computedRevision: revision } });
    }
    await addToTotals(tx, projectId, delta);
  }, TX_OPTIONS);
}

/** Takes the cells of deleted documents out of the project's totals. */
async function takeOutRetired(projectId: string) {
  for (;;) {
    const ids = (await db.agreementRetired.findMany({ where: { projectId }, select: { id: true }, take: PIECE, orderBy: { id: "asc" } })).map((r) => r.id);
    if (ids.length === 0) return;
    await db.$transaction(async (tx) => {
      await lockProject(tx, projectId);
      const rows = await tx.agreementRetired.findMany({ where: { id: { in: ids } } });
      const delta = emptyDelta();
      for (const row of rows) {
        const share = decodeShare(row.cells);
        for (const scope of SCOPES) addCells(delta[scope], share[scope], -1);
      }
      await tx.agreementRetired.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
      await addToTotals(tx, projectId, delta);
    }, TX_OPTIONS);
    await turn();
  }
}

const emptyDelta = (): Record<Scope, Cells> => ({ completed: new Map(), in_progress: new Map(), all: new Map() });

/** One refresher per project writes at a time (PostgreSQL; SQLite write transactions are serial anyway). */
async function lockProject(tx: Tx, projectId: string) {
  if (databaseProvider() !== "postgresql") return;
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`agreement:${projectId}`}))) AS l`;
}
