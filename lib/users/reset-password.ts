import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { END_SESSIONS } from "@/lib/auth/session-version";
import { revokeAllApiTokens } from "@/lib/auth/api-tokens";
import type { Actor } from "@/lib/auth/actor";
import { managedUser } from "./managed-user";
import { generateTemporaryPassword } from "./temporary-password";
import { recordUserAudit } from "./user-audit";

/**
 * An admin replaces a user's password with a new temporary one, returned
 * here once and stored only as a hash. A reset means the old password may be
 * known to someone else, so it also ends every session of the user and
 * revokes all their API tokens (they make new ones after signing in).
 */
export async function resetPassword(opts: { actor: Actor; userId: string }) {
  const user = await managedUser(opts.actor, opts.userId);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const tokensRevoked = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, ...END_SESSIONS } });
    const revoked = await revokeAllApiTokens(tx, user.id);
    await recordUserAudit(tx, {
      actorId: opts.actor.id,
      userId: user.id,
      action: "PASSWORD_RESET",
      after: { sessionsEnded: true, tokensRevoked: revoked },
    });
    return revoked;
  });
  return { userId: user.id, email: user.email, temporaryPassword, tokensRevoked };
}
