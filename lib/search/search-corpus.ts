/**
 * Corpus search (GET /api/v1/search, the /search page). Two kinds of hits:
 *
 * - passages (./passage-hits.ts): words and phrases alone find the documents
 *   holding them all, title or text, in the database's full-text index, a
 *   page of documents at a time, each with its first passage;
 * - annotations (./span-hits.ts): any of label, entity, annotator, layer or
 *   status finds spans instead; with words too, the spans whose own text
 *   holds them all.
 *
 * What a user can find is what the document pages show them: documents of
 * their projects (admins: all) that are not still being imported; the spans
 * of the layers the page shows them; annotators named as the page names them
 * (pseudonyms for reviewers under blind review). The rules are in
 * ./search-clauses.ts.
 *
 * Work per request is bounded: the index picks the documents; only the
 * page's documents are read, each scanned once by a linear regular
 * expression (./match-text.ts), with the event loop given back between them.
 */
import { z } from "zod";
import { authorize } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getProject } from "@/lib/projects/get-project";
import { hasAnnotationFilter, MAX_QUERY_LENGTH, parseQuery } from "./query-language";
import { searchPassages } from "./passage-hits";
import { searchSpans } from "./span-hits";
import type { SearchPage } from "./search-hit";

export type { SearchHit, SearchPage } from "./search-hit";

export const SearchQuery = z.object({
  q: z.string().max(MAX_QUERY_LENGTH).describe('The search: words, "phrases", and the filters label: entity: annotator: layer: status: project:'),
  project: z.string().min(1).max(200).optional().describe("Only this project (id or slug)"),
  cursor: z.string().min(1).max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export async function searchCorpus(opts: { actor: Actor; query: z.input<typeof SearchQuery> }): Promise<SearchPage> {
  const actor = authorize(opts.actor, "corpus:search");
  const input = SearchQuery.safeParse(opts.query);
  if (!input.success) {
    throw new AppError("INVALID_INPUT", input.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; "));
  }
  const { q, limit, cursor } = input.data;
  const parsed = parseQuery(q);
  if (parsed.filters.layer === "gold") authorize(actor, "review:decide");
  // a project named twice (the parameter and project:) must be the same one
  const named = [input.data.project, parsed.filters.project].filter((p): p is string => p !== undefined);
  const projects = await Promise.all(named.map((p) => getProject({ actor, projectId: p })));
  const projectId = projects[0]?.id ?? null;
  const passages = parsed.terms.length > 0 && !hasAnnotationFilter(parsed.filters);
  if (projects.some((p) => p.id !== projectId)) return { items: [], nextCursor: null, mode: passages ? "passages" : "annotations" };
  return passages
    ? searchPassages({ viewer: actor, terms: parsed.terms, projectId, limit, cursor })
    : searchSpans({ viewer: actor, parsed, projectId, limit, cursor });
}
