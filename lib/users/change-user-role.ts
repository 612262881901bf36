import type { z } from "zod";
import { serializable } from "@/lib/db/serializable";
import type { Actor } from "@/lib/auth/actor";
import { assertAnActiveAdminRemains, managedUser, refuseSelf, userView } from "./managed-user";
import { UserRole } from "./user-input";
import { END_SESSIONS } from "@/lib/auth/session-version";
import { recordUserAudit } from "./user-audit";

/**
 * An admin gives a user another role. It ends the user's sessions (they sign
 * in again under the new role); API tokens stay and act with the new role
 * from their next request. An admin cannot demote themselves, and the last
 * active admin stays one. Audited in the user history.
 */
export async function changeUserRole(opts: { actor: Actor; userId: string; role: z.input<typeof UserRole> }) {
  const role = UserRole.parse(opts.role);
  await managedUser(opts.actor, opts.userId);
  if (role !== "ADMIN") refuseSelf(opts.actor, opts.userId, "take the admin role from");
  return serializable(async (tx) => {
    const before = await managedUser(opts.actor, opts.userId, tx);
    if (before.role === role) return userView(before);
    const user = await tx.user.update({ where: { id: opts.userId }, data: { role, ...END_SESSIONS } });
    await assertAnActiveAdminRemains(tx);
    await recordUserAudit(tx, { actorId: opts.actor.id, userId: user.id, action: "ROLE", before: { role: before.role }, after: { role } });
    return userView(user);
  }, "Another admin changed users at the same moment; reload and try again");
}
