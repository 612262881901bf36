/**
 * `annotator:` under blind review: a reviewer sees other annotators as
 * pseudonyms ("Annotator 7KQ2", id "anon-…", lib/review/blind.ts), so that is
 * what they can search by, in the blind projects they belong to; a real name
 * or email finds nobody there (lib/search/search-clauses.ts annotatorIs).
 */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { isBlindFor, pseudonym } from "@/lib/review/blind";
import { slicer } from "@/lib/util/time-slice";

const PSEUDONYM = /^(annotator\s+[a-z0-9]{4}|anon-[0-9a-f]{20})$/i;

/** The (project, user) pairs whose pseudonym, as `viewer` sees it, is `value`; none unless the viewer is blind somewhere. */
export async function pseudonymPairs(viewer: Actor, value: string, projectId: string | null): Promise<{ projectId: string; userId: string }[]> {
  if (!PSEUDONYM.test(value.trim()) || !isBlindFor(viewer, { blindReview: true })) return [];
  const wanted = value.trim().replace(/\s+/g, " ").toLowerCase();
  const projects = await db.project.findMany({
    where: { blindReview: true, members: { some: { userId: viewer.id } }, ...(projectId ? { id: projectId } : {}) },
    select: { id: true, members: { select: { userId: true } } },
  });
  const pairs: { projectId: string; userId: string }[] = [];
  const clock = slicer();
  for (const p of projects) {
    for (const m of p.members) {
      if (m.userId === viewer.id) continue;
      const seen = pseudonym(p.id, m.userId);
      if (seen.name.toLowerCase() === wanted || seen.id === wanted) pairs.push({ projectId: p.id, userId: m.userId });
      if (clock.due()) await clock.pause();
    }
  }
  return pairs;
}
