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
import { decodeShare, documentShare, encodeShare, SCOPES, SHARE_VERSION, type DocumentShare, type Scope } from "../document-share";
import { readDocuments } from "./read-documents";
import { Prisma } from "@/lib/generated/sqlite/client";
import { addToTotals } from "./totals";
import { turn } from "./turn";

/** documents read, computed and written together (SQLite writes block the event loop; PostgreSQL's wait on round trips) */
const PIECE = databaseProvider() === "postgresql" ? 20 : 4;
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
  await staleOldShares(projectId);
  // Two passes over the documents in id order: a document changed again while it was recomputed is taken up once more.
  for (let pass = 0; pass < 2; pass++) {
    let after = "";
    let found = false;
    for (;;) {
      if (performance.now() >= deadline) return { pending: await countStale(projectId) };
      const stale = await db.$queryRaw<Stale[]>`
        SELECT "documentId", "revision" FROM "AgreementDocument"
        WHERE "projectId" = ${projectId} AND "revision" <> "computedRevision" AND "documentId" > ${after}
        ORDER BY "documentId" LIMIT ${PIECE}`;
      if (stale.length === 0) break;
      found = true;
      await refreshDocuments(
        projectId,
        stale.map((s) => ({ documentId: s.documentId, revision: Number(s.revision) })),
      );
      after = stale[stale.length - 1].documentId;
      await turn();
    }
    if (!found) return { pending: 0 };
  }
  return { pending: await countStale(projectId) };
}

export async function countStale(projectId: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS n FROM "AgreementDocument" WHERE "projectId" = ${projectId} AND "revision" <> "computedRevision"`;
  return Number(rows[0]?.n ?? 0);
}

const upgraded = new Set<string>();

/**
 * Marks stale, once per project and process, the documents whose stored share
 * is of an older version than this code computes (encodeShare writes the
 * version first), so their new kinds of cells (stances) get counted.
 */
async function staleOldShares(projectId: string) {
  if (upgraded.has(projectId)) return;
  const current = `{"v":${SHARE_VERSION},%`;
  await db.$executeRaw`
    UPDATE "AgreementDocument" SET "revision" = "revision" + 1
    WHERE "projectId" = ${projectId} AND "revision" = "computedRevision" AND "documentId" IN
      (SELECT "documentId" FROM "AgreementShare" WHERE "projectId" = ${projectId} AND "cells" NOT LIKE ${current})`;
  upgraded.add(projectId);
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
  const docs = await readDocuments(stale.map((s) => s.documentId));
  const shares = new Map<string, DocumentShare>();
  let slice = performance.now();
  for (const doc of docs) {
    shares.set(doc.id, documentShare(doc.text, doc.layers));
    if (performance.now() - slice > SLICE_MS) {
      await turn();
      slice = performance.now();
    }
  }
  // The difference to the stored cells is worked out before the write, which then only checks that nobody stored others meanwhile.
  const revisionOf = new Map(stale.map((s) => [s.documentId, s.revision]));
  const stored = await db.$queryRaw<{ documentId: string; computedRevision: number; cells: string | null }[]>`
    SELECT d."documentId", d."computedRevision", s."cells"
    FROM "AgreementDocument" d LEFT JOIN "AgreementShare" s ON s."documentId" = d."documentId"
    WHERE d."documentId" IN (${Prisma.join([...shares.keys()])})`;
  const writes: { documentId: string; revision: number; seen: number; cells: string }[] = [];
  const delta = emptyDelta();
  for (const row of stored) {
    const revision = revisionOf.get(row.documentId)!;
    if (Number(row.computedRevision) >= revision) continue; // another refresher stored this revision or a later one
    const next = shares.get(row.documentId)!;
    const previous = decodeShare(row.cells ?? "{}");
    for (const scope of SCOPES) {
      addCells(delta[scope], next[scope]);
      addCells(delta[scope], previous[scope], -1);
    }
    writes.push({ documentId: row.documentId, revision, seen: Number(row.computedRevision), cells: encodeShare(next) });
  }
  if (writes.length === 0) return;
  await turn();
  await db.$transaction(async (tx) => {
    await lockProject(tx, projectId);
    const ids = Prisma.join(writes.map((w) => w.documentId));
    const now = await tx.$queryRaw<{ documentId: string; computedRevision: number }[]>(
      databaseProvider() === "postgresql"
        ? Prisma.sql`SELECT "documentId", "computedRevision" FROM "AgreementDocument" WHERE "documentId" IN (${ids}) FOR UPDATE`
        : Prisma.sql`SELECT "documentId", "computedRevision" FROM "AgreementDocument" WHERE "documentId" IN (${ids})`,
    );
    const current = new Map(now.map((r) => [r.documentId, Number(r.computedRevision)]));
    // Another refresher was faster, or a document went: leave these documents to the next pass.
    if (writes.some((w) => current.get(w.documentId) !== w.seen)) return;
    await tx.$executeRaw`
      UPDATE "AgreementDocument"
      SET "computedRevision" = CASE "documentId" ${Prisma.join(
        writes.map((w) => Prisma.sql`WHEN ${w.documentId} THEN CAST(${w.revision} AS INTEGER)`),
        " ",
      )} END
      WHERE "documentId" IN (${ids})`;
    await tx.$executeRaw`
      INSERT INTO "AgreementShare" ("documentId", "projectId", "cells")
      VALUES ${Prisma.join(writes.map((w) => Prisma.sql`(${w.documentId}, ${projectId}, ${w.cells})`))}
      ON CONFLICT ("documentId") DO UPDATE SET "cells" = excluded."cells"`;
    await addToTotals(tx, projectId, delta);
  }, TX_OPTIONS);
}

/** Takes the cells of deleted documents out of the project's totals. */
async function takeOutRetired(projectId: string) {
  for (;;) {
    const ids = (await db.$queryRaw<{ id: number }[]>`SELECT "id" FROM "AgreementRetired" WHERE "projectId" = ${projectId} ORDER BY "id" LIMIT ${PIECE}`).map(
      (r) => Number(r.id),
    );
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
