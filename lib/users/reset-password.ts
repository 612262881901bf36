import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/actor";
import { managedUser } from "./managed-user";
import { generateTemporaryPassword } from "./temporary-password";

/**
 * An admin replaces a user's password with a new temporary one, returned
 * here once and stored only as a hash. Sessions and API tokens stay valid.
 */
export async function resetPassword(opts: { actor: Actor; userId: string }) {
  const user = await managedUser(opts.actor, opts.userId);
  const temporaryPassword = generateTemporaryPassword();
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(temporaryPassword) } });
  return { userId: user.id, email: user.email, temporaryPassword };
}
