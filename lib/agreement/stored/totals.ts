/** A project's summed agreement cells (the AgreementTotal rows), added to and read. */
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { Cells } from "../document-cells";
import type { Scope } from "../document-share";

/** rows per INSERT (4 parameters each; SQLite takes up to 32,766) */
const ROWS_PER_STATEMENT = 500;

/** Adds the delta's cells to the project's totals, inside the caller's transaction. */
export async function addToTotals(tx: Tx, projectId: string, delta: Record<Scope, Cells>): Promise<void> {
  const rows = Object.entries(delta).flatMap(([scope, cells]) => [...cells].filter(([, n]) => n !== 0).map(([cell, n]) => ({ scope, cell, n })));
  rows.sort((a, b) => (a.scope + a.cell < b.scope + b.cell ? -1 : 1));
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const values = rows.slice(i, i + ROWS_PER_STATEMENT).map((r) => Prisma.sql`(${projectId}, ${r.scope}, ${r.cell}, ${r.n})`);
    await tx.$executeRaw`
      INSERT INTO "AgreementTotal" ("projectId", "scope", "cell", "n") VALUES ${Prisma.join(values)}
      ON CONFLICT ("projectId", "scope", "cell") DO UPDATE SET "n" = "AgreementTotal"."n" + excluded."n"`;
  }
}

/** The project's sums for one scope of counted layers, and for "all". */
export async function readTotals(projectId: string, scope: Exclude<Scope, "all">): Promise<{ counted: Cells; all: Cells }> {
  const rows = await db.$queryRaw<{ scope: string; cell: string; n: number | bigint }[]>`
    SELECT "scope", "cell", "n" FROM "AgreementTotal" WHERE "projectId" = ${projectId} AND "scope" IN (${scope}, 'all') AND "n" <> 0`;
  const out = { counted: new Map<string, number>(), all: new Map<string, number>() };
  for (const r of rows) (r.scope === "all" ? out.all : out.counted).set(r.cell, Number(r.n));
  return out;
}
