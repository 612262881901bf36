import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";

/** A user the actor may manage (admins: anyone), or 403/404. */
export async function managedUser(actor: Actor, userId: string, tx: Tx | typeof db = db) {
  authorize(actor, "user:manage");
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound("User");
  return user;
}

/**
 * Call after a change, inside its (serializable) transaction: refuses the
 * change if no active admin would remain, so nobody is locked out of the
 * admin pages, even when two admins demote each other at the same moment.
 */
export async function assertAnActiveAdminRemains(tx: Tx) {
  const admins = await tx.user.count({ where: { role: "ADMIN", active: true } });
  if (admins === 0) throw new AppError("CONFLICT", "This would leave no active admin; make someone else an admin first");
}

export const refuseSelf = (actor: Actor, userId: string, what: string) => {
  if (actor.id === userId) throw new AppError("CONFLICT", `You cannot ${what} yourself; ask another admin to do it`);
};

export const userView = (u: { id: string; email: string; name: string; role: string; active: boolean; createdAt: Date }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  active: u.active,
  createdAt: u.createdAt.toISOString(),
});
