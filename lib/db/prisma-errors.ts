/** Recognises the Prisma errors domain code turns into readable conflicts. */

type Loose = { code?: unknown; cause?: { kind?: unknown; originalCode?: unknown } };
const loose = (err: unknown): Loose => (typeof err === "object" && err !== null ? (err as Loose) : {});

/** A unique constraint failed: someone else created the same thing at the same moment. */
export const isUniqueViolation = (err: unknown) => loose(err).code === "P2002";

/**
 * A serializable transaction lost to a concurrent one (PostgreSQL SQLSTATE
 * 40001); retrying may succeed. Prisma reports it as P2034 during a query,
 * but as a bare DriverAdapterError when the COMMIT itself fails.
 */
export const isWriteConflict = (err: unknown) => {
  const e = loose(err);
  return e.code === "P2034" || e.cause?.kind === "TransactionWriteConflict" || e.cause?.originalCode === "40001";
};
