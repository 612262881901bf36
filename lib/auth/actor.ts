/** The acting user of a request, loaded fresh from the database every time. */
import { getSql, toBool } from "@/lib/db/sql";
import type { Role } from "@/lib/domain/enums";

export type Actor = { id: string; email: string; name: string; role: Role };

type UserRow = { id: string; email: string; name: string; role: Role; active: unknown; sessionVersion?: unknown };

/** The actor of an active user row, or null. */
export function activeActor(user: UserRow | undefined): Actor | null {
  if (!user || !toBool(user.active)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/**
 * Deactivated users get null: they lose access at once, whatever their
 * session or token says. With `sessionVersion` (a cookie session), a session
 * signed in before the user's sessions were ended (lib/auth/session-version.ts)
 * gets null too.
 */
export async function loadActiveActor(userId: string, opts: { sessionVersion?: number } = {}): Promise<Actor | null> {
  const sql = await getSql();
  const user = await sql.one<UserRow>(`SELECT "id", "email", "name", "role", "active", "sessionVersion" FROM "User" WHERE "id" = ?`, [userId]);
  if (user && opts.sessionVersion !== undefined && Number(user.sessionVersion) !== opts.sessionVersion) return null;
  return activeActor(user);
}
