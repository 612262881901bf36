/**
 * Marks documents' stored agreement cells stale from application code, for
 * changes no database trigger sees (document labels: their table came after
 * the triggers of the *_agreement_cells migration). Call it inside the
 * transaction of the change.
 */
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";

export async function bumpAgreementRevision(tx: Tx, documentIds: readonly string[]): Promise<void> {
  if (documentIds.length === 0) return;
  await tx.$executeRaw`UPDATE "AgreementDocument" SET "revision" = "revision" + 1 WHERE "documentId" IN (${Prisma.join([...new Set(documentIds)])})`;
}
