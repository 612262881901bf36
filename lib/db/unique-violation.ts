/**
 * True when a write failed on a unique index (Prisma's P2002). Both generated
 * clients throw their own PrismaClientKnownRequestError class, so this looks
 * at the code rather than the class.
 */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}
