/** The acting user of a request, loaded fresh from the database every time. */
import { db } from "@/lib/db";
import type { Role } from "@/lib/domain/enums";

export type Actor = { id: string; email: string; name: string; role: Role };

/**
 * Deactivated users get null: they lose access at once, whatever their
 * session or token says. With `sessionVersion` (a cookie session), a session
 * signed in before the user's sessions were ended (lib/auth/session-version.ts)
 * gets null too.
 */
export async function loadActiveActor(userId: string, opts: { sessionVersion?: number } = {}): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || !user.active) return null;
  if (opts.sessionVersion !== undefined && user.sessionVersion !== opts.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}
