import { serializable } from "@/lib/db/serializable";
import type { Actor } from "@/lib/auth/actor";
import { assertAnActiveAdminRemains, managedUser, refuseSelf, userView } from "./managed-user";

/**
 * An admin deactivates or reactivates a user. Deactivation bites on the
 * user's next request, session or API token alike (lib/auth/actor.ts reads
 * the flag every time); their work stays. Nobody deactivates themselves, and
 * the last active admin stays active. (Not audited: see change-user-role.ts.)
 */
export async function setUserActive(opts: { actor: Actor; userId: string; active: boolean }) {
  await managedUser(opts.actor, opts.userId);
  if (!opts.active) refuseSelf(opts.actor, opts.userId, "deactivate");
  return serializable(async (tx) => {
    await managedUser(opts.actor, opts.userId, tx);
    const user = await tx.user.update({ where: { id: opts.userId }, data: { active: opts.active } });
    await assertAnActiveAdminRemains(tx);
    return userView(user);
  }, "Another admin changed users at the same moment; reload and try again");
}
