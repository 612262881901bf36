import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isWriteConflict } from "./prisma-errors";

/**
 * Runs `fn` in a SERIALIZABLE transaction, for checks that span several rows
 * ("hotkeys are unique among active labels", "one active admin remains"),
 * which two concurrent transactions could otherwise both pass. SQLite
 * serialises writers anyway; PostgreSQL aborts the loser, reported as a 409.
 */
export async function serializable<T>(fn: (tx: Tx) => Promise<T>, conflictMessage = "Someone else made a change at the same moment; try again"): Promise<T> {
  try {
    return await db.$transaction(fn, { isolationLevel: "Serializable" });
  } catch (err) {
    if (isWriteConflict(err)) throw new AppError("CONFLICT", conflictMessage);
    throw err;
  }
}
