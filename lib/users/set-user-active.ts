import { serializable } from "@/lib/db/serializable";
import type { Actor } from "@/lib/auth/actor";
import { assertAnActiveAdminRemains, managedUser, refuseSelf, userView } from "./managed-user";
import { END_SESSIONS } from "@/lib/auth/session-version";
import { recordUserAudit } from "./user-audit";

/**
 * An admin deactivates or reactivates a user. Deactivation bites on the
 * user's next request, session or API token alike (lib/auth/actor.ts reads
 * the flag every time), and ends their sessions for good: reactivation lets
 * them sign in again and their API tokens work again, but no old session
 * comes back. Their work stays. Nobody deactivates themselves, and the last
 * active admin stays active. Audited in the user history.
 */
export async function setUserActive(opts: { actor: Actor; userId: string; active: boolean }) {
  await managedUser(opts.actor, opts.userId);
  if (!opts.active) refuseSelf(opts.actor, opts.userId, "deactivate");
  return serializable(async (tx) => {
    const before = await managedUser(opts.actor, opts.userId, tx);
    if (before.active === opts.active) return userView(before);
    const user = await tx.user.update({ where: { id: opts.userId }, data: { active: opts.active, ...(opts.active ? {} : END_SESSIONS) } });
    await assertAnActiveAdminRemains(tx);
    await recordUserAudit(tx, {
      actorId: opts.actor.id,
      userId: user.id,
      action: opts.active ? "REACTIVATE" : "DEACTIVATE",
      before: { active: before.active },
      after: { active: user.active },
    });
    return userView(user);
  }, "Another admin changed users at the same moment; reload and try again");
}
