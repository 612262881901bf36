/**
 * Many spans into one layer in one statement, the rows as one JSON parameter
 * (lib/db/json-rows.ts): a bulk write costs Prisma's query compiler nothing per
 * row. Callers keep each call to SPANS_PER_TRANSACTION rows and give the event
 * loop back between calls.
 */
import type { Tx } from "@/lib/db";
import { jsonRows, timestampParam } from "@/lib/db/json-rows";

export type SpanRow = { id: string; start: number; end: number; text: string; labelId: string; entityId: string | null; origin: string | null };

export async function insertSpanRows(client: Pick<Tx, "$executeRaw">, layerId: string, createdById: string, rows: readonly SpanRow[]): Promise<void> {
  if (rows.length === 0) return;
  const now = timestampParam(new Date());
  await client.$executeRaw`INSERT INTO "Annotation" ("id", "layerId", "start", "end", "text", "labelId", "entityId", "origin", "createdById", "createdAt", "updatedAt")
    SELECT r."id", ${layerId}, r."start", r."end", r."text", r."labelId", r."entityId", r."origin", ${createdById}, ${now}, ${now}
    FROM (${jsonRows(
      [...rows],
      [
        ["id", "text"],
        ["start", "int"],
        ["end", "int"],
        ["text", "text"],
        ["labelId", "text"],
        ["entityId", "text"],
        ["origin", "text"],
      ],
    )}) r`;
}
