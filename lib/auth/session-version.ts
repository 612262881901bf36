/**
 * Ending a user's sessions. Sessions are signed JWTs the server cannot
 * recall, so each carries the user's `sessionVersion` from the moment it was
 * signed in, and every request compares it with the database
 * (loadActiveActor). Bumping the version ends every session of the user at
 * once: sign-out (everywhere), password reset, role change, deactivation.
 */
import { db, type Tx } from "@/lib/db";

/** Spread into a `user.update` data object to end the user's sessions in the same write. */
export const END_SESSIONS = { sessionVersion: { increment: 1 } } as const;

export async function endSessions(userId: string, tx: Tx | typeof db = db): Promise<void> {
  await tx.user.updateMany({ where: { id: userId }, data: END_SESSIONS });
}
