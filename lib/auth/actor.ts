/** The acting user of a request, loaded fresh from the database every time. */
import { getSql, toBool } from "@/lib/db/sql";
import type { Role } from "@/lib/domain/enums";

export type Actor = { id: string; email: string; name: string; role: Role };

type UserRow = { id: string; email: string; name: string; role: string; active: unknown };

/** The actor of an active user row, or null. */
export function activeActor(user: UserRow | undefined): Actor | null {
  if (!user || !toBool(user.active)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}

/** Deactivated users get null: they lose access at once, whatever their session or token says. */
export async function loadActiveActor(userId: string): Promise<Actor | null> {
  const sql = await getSql();
  return activeActor(await sql.one<UserRow>(`SELECT "id", "email", "name", "role", "active" FROM "User" WHERE "id" = ?`, [userId]));
}
