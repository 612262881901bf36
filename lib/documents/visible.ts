/**
 * Prisma `where` for documents that exist for everyone: a document whose
 * import is still writing its spans in chunks (`importing`) is invisible
 * until the import marks it complete (lib/import/write-document.ts).
 */
export const VISIBLE_DOCUMENT = { importing: false } as const;
