import type { Tx } from "@/lib/db";
import { databaseProvider } from "@/lib/db/url";
import { notFound } from "@/lib/errors";

/** Interactive transactions of assignment work wait longer than Prisma's defaults: claims come in bursts. */
export const SEAT_TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

/**
 * Reads a project's seats per document (N) inside a transaction that is about
 * to fill a seat, holding a shared lock on the project row on PostgreSQL.
 * Seat fillers share the lock, so they run side by side (the unique index on
 * (documentId, seat) settles who gets a seat); changing N takes the row's
 * write lock and so waits for fillers in flight and holds back new ones. No
 * seat is ever filled against a stale N.
 *
 * SQLite runs one write transaction at a time. A transaction that reads
 * first and writes later can fail to upgrade its lock while another process
 * writes (it times out instead of waiting its turn), so on SQLite this starts
 * with a no-op write: the transaction takes the write lock at once, waiting
 * for it under the busy timeout, as BEGIN IMMEDIATE would.
 */
export async function lockSeatsPerDocument(tx: Tx, projectId: string): Promise<number> {
  if (databaseProvider() === "postgresql") {
    const rows = await tx.$queryRaw<{ n: number }[]>`SELECT "annotatorsPerDocument" AS n FROM "Project" WHERE "id" = ${projectId} FOR SHARE`;
    if (rows.length === 0) throw notFound("Project");
    return Number(rows[0].n);
  }
  await tx.$executeRaw`UPDATE "Project" SET "annotatorsPerDocument" = "annotatorsPerDocument" WHERE "id" = ${projectId}`;
  const project = await tx.project.findUnique({ where: { id: projectId }, select: { annotatorsPerDocument: true } });
  if (!project) throw notFound("Project");
  return project.annotatorsPerDocument;
}
