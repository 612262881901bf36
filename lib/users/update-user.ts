import { z } from "zod";
import { authorize } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import { changeUserRole } from "./change-user-role";
import { setUserActive } from "./set-user-active";
import { managedUser, userView } from "./managed-user";
import { UserRole } from "./user-input";

export const UserPatch = z
  .object({ role: UserRole.optional(), active: z.boolean().optional() })
  .strict()
  .refine((p) => p.role !== undefined || p.active !== undefined, "Change at least one of role, active");
export type UserPatch = z.input<typeof UserPatch>;

/**
 * An admin changes a user's role and/or whether they are active, through the
 * same operations as the Users page (sessions end, each change audited in the
 * user history). The role changes first; each change is its own transaction.
 */
export async function updateUser(opts: { actor: Actor; userId: string; input: UserPatch }) {
  authorize(opts.actor, "user:manage");
  const { role, active } = UserPatch.parse(opts.input);
  let view = userView(await managedUser(opts.actor, opts.userId));
  if (role !== undefined) view = await changeUserRole({ actor: opts.actor, userId: opts.userId, role });
  if (active !== undefined) view = await setUserActive({ actor: opts.actor, userId: opts.userId, active });
  return view;
}
