/**
 * Type-ahead over names and aliases: an entity ranks by its best spelling,
 * exact match first, then prefix, then a word inside the spelling starting
 * with the query, then any substring; ties by name.
 */
import { db } from "@/lib/db";
import { getProject } from "@/lib/projects/get-project";
import type { Actor } from "@/lib/auth/actor";
import { normalizeName } from "./normalize";
import { entityInclude, entityView } from "./entity-view";

export type Match = "exact" | "prefix" | "word" | "substring";
const RANK: Record<Match, number> = { exact: 0, prefix: 1, word: 2, substring: 3 };

/** How `spelling` (normalised) matches the normalised query, or null. Pure. */
export function matchKind(spelling: string, query: string): Match | null {
  if (spelling === query) return "exact";
  if (spelling.startsWith(query)) return "prefix";
  const at = spelling.indexOf(query);
  if (at === -1) return null;
  return /[\s\-'.]/u.test(spelling[at - 1]) ? "word" : "substring";
}

export async function searchEntities(opts: { actor: Actor; projectId: string; q: string; limit?: number }) {
  const project = await getProject({ actor: opts.actor, projectId: opts.projectId });
  const query = normalizeName(opts.q);
  const limit = Math.min(Math.max(opts.limit ?? 10, 1), 50);
  if (!query) return { items: [] };
  const aliases = await db.entityAlias.findMany({
    where: { normalized: { contains: query }, entity: { projectId: project.id } },
    select: { entityId: true, alias: true, normalized: true },
    take: 1000,
  });
  const best = new Map<string, { match: Match; alias: string }>();
  for (const a of aliases) {
    const match = matchKind(a.normalized, query);
    if (!match) continue;
    const prior = best.get(a.entityId);
    if (!prior || RANK[match] < RANK[prior.match]) best.set(a.entityId, { match, alias: a.alias });
  }
  const rows = await db.canonicalEntity.findMany({ where: { id: { in: [...best.keys()] } }, include: entityInclude });
  rows.sort((x, y) => RANK[best.get(x.id)!.match] - RANK[best.get(y.id)!.match] || x.name.localeCompare(y.name));
  return { items: rows.slice(0, limit).map((r) => ({ ...entityView(r), match: best.get(r.id)!.match, matchedAlias: best.get(r.id)!.alias })) };
}
