/** The acting user of a request, loaded fresh from the database every time. */
import { db } from "@/lib/db";
import type { Role } from "@/lib/domain/enums";

export type Actor = { id: string; email: string; name: string; role: Role };

/** Deactivated users get null: they lose access at once, whatever their session or token says. */
export async function loadActiveActor(userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}
