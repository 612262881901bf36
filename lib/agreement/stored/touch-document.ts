/**
 * Marks a document's agreement cells stale from application code, for
 * changes no database trigger sees: stances (the triggers of the migration
 * *_agreement_cells watch spans and layers only). Call it in the
 * transaction of the change.
 */
import type { Tx } from "@/lib/db";

export async function touchAgreementDocument(tx: Tx, documentId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "AgreementDocument" SET "revision" = "revision" + 1 WHERE "documentId" = ${documentId}`;
}
