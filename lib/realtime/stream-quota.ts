/**
 * Live streams one user may hold open on this server at once: a tab holds
 * one per open document, so a few dozen is generous, and a script that opens
 * hundreds is refused (429) instead of holding as many connections and
 * timers. Counted per server process (each instance caps its own).
 */
import { AppError } from "@/lib/errors";

export const MAX_STREAMS_PER_USER = 20;

const open = new Map<string, number>();

/** Takes one of the user's stream slots, or refuses; the returned function gives it back (once). */
export function claimStreamSlot(userId: string, max = MAX_STREAMS_PER_USER): () => void {
  const held = open.get(userId) ?? 0;
  if (held >= max) throw new AppError("TOO_MANY_REQUESTS", `You have ${held} live streams open on this server (at most ${max}); close some tabs or streams first`);
  open.set(userId, held + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const now = (open.get(userId) ?? 1) - 1;
    if (now > 0) open.set(userId, now);
    else open.delete(userId);
  };
}
