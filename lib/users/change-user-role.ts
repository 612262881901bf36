import type { z } from "zod";
import { serializable } from "@/lib/db/serializable";
import type { Actor } from "@/lib/auth/actor";
import { assertAnActiveAdminRemains, managedUser, refuseSelf, userView } from "./managed-user";
import { UserRole } from "./user-input";

/**
 * An admin gives a user another role; it applies to their next request. An
 * admin cannot demote themselves, and the last active admin stays one.
 * (Not audited: audit events belong to a project, and a role does not.)
 */
export async function changeUserRole(opts: { actor: Actor; userId: string; role: z.input<typeof UserRole> }) {
  const role = UserRole.parse(opts.role);
  await managedUser(opts.actor, opts.userId);
  if (role !== "ADMIN") refuseSelf(opts.actor, opts.userId, "take the admin role from");
  return serializable(async (tx) => {
    await managedUser(opts.actor, opts.userId, tx);
    const user = await tx.user.update({ where: { id: opts.userId }, data: { role } });
    await assertAnActiveAdminRemains(tx);
    return userView(user);
  }, "Another admin changed users at the same moment; reload and try again");
}
