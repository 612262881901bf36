/**
 * The WHERE clauses of a search, as `?`-parameterised SQL over the aliases
 * d (Document), p (Project), l (Layer), a (Annotation), lb (Label): what the
 * actor may see (the same rules as the document pages, lib/authz.ts and
 * lib/entities/entity-mentions.ts) and what the filters ask for. Every value
 * is a bound parameter; the SQL text holds only fixed fragments.
 */
import { can } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import { normalizeName } from "@/lib/entities/normalize";
import { codePointLength } from "@/lib/text/offsets";
import type { LayerFilter, StatusFilter, Term } from "./query-language";

export type Clause = { sql: string; params: unknown[] };

export const clause = (sql: string, ...params: unknown[]): Clause => ({ sql, params });

export function and(clauses: readonly Clause[]): Clause {
  if (clauses.length === 0) return clause("1 = 1");
  return { sql: clauses.map((c) => `(${c.sql})`).join(" AND "), params: clauses.flatMap((c) => c.params) };
}

export function or(clauses: readonly Clause[]): Clause {
  if (clauses.length === 0) return clause("1 = 0");
  return { sql: clauses.map((c) => `(${c.sql})`).join(" OR "), params: clauses.flatMap((c) => c.params) };
}

/** Documents the actor may open (lib/authz.ts documentScope): visible, of a project they belong to (admins: any). */
export function documentScope(actor: Pick<Actor, "id" | "role">, projectId: string | null): Clause {
  return and([
    clause(`d."importing" = ?`, false),
    ...(actor.role === "ADMIN" ? [] : [clause(`EXISTS (SELECT 1 FROM "ProjectMember" m WHERE m."projectId" = d."projectId" AND m."userId" = ?)`, actor.id)]),
    ...(projectId ? [clause(`d."projectId" = ?`, projectId)] : []),
  ]);
}

/**
 * Layers whose spans the actor sees on the document page, narrowed by `layer:`.
 * Reviewers and admins: every annotator layer and gold. Annotators: their own
 * layer, and other annotators' when the project shows layers to each other;
 * never gold. Suggestions (imported pre-annotations) only when asked for, and
 * never the per-user record of dismissed registry suggestions.
 */
export function visibleLayers(actor: Actor, layer: LayerFilter | undefined): Clause {
  if (layer === "own") return clause(`l."kind" = 'ANNOTATOR' AND l."userId" = ?`, actor.id);
  if (layer === "suggestions") return clause(`l."kind" = 'SUGGESTIONS' AND l."slot" NOT LIKE 'suggestions:dismissed:%'`);
  if (can(actor, "review:decide")) return layer === "gold" ? clause(`l."kind" = 'GOLD'`) : clause(`l."kind" IN ('ANNOTATOR', 'GOLD')`);
  if (layer === "gold") return clause("1 = 0");
  return clause(`l."kind" = 'ANNOTATOR' AND (l."userId" = ? OR p."showOtherLayers" = ?)`, actor.id, true);
}

/** `label:` — by name, as written or in capitals (label names are mostly capitals: label:person finds PERSON). */
export const labelIs = (name: string) => clause(`lb."name" IN (?, ?)`, name, name.toUpperCase());

/** `status:` — the status of the span's layer. */
export const layerStatusIs = (status: StatusFilter) => clause(`l."status" = ?`, status);

/** `entity:` — spans linked to an entity of which the value is the name or an alias (compared normalised, lib/entities/normalize.ts). */
export const entityIs = (name: string) => clause(`a."entityId" IN (SELECT al."entityId" FROM "EntityAlias" al WHERE al."normalized" = ?)`, normalizeName(name));

/** Users a value names by email, the email's part before "@", or name (exact, or in lower case). */
function usersNamed(value: string): Clause {
  const lower = value.toLowerCase();
  return clause(
    `SELECT u2."id" FROM "User" u2 WHERE lower(u2."email") = ? OR substr(lower(u2."email"), 1, ?) = ? OR u2."name" = ? OR lower(u2."name") = ?`,
    lower,
    codePointLength(lower) + 1,
    `${lower}@`,
    value,
    lower,
  );
}

export type UserInProject = { projectId: string; userId: string };

/**
 * `annotator:` by real name or email where the viewer sees real names; `pairs`
 * are the layers' (project, user) the value names as a pseudonym
 * (lib/search/annotator-filter.ts).
 */
export function annotatorIs(viewer: Actor, value: string, pairs: readonly UserInProject[]): Clause {
  const users = usersNamed(value);
  const byName = clause(`l."userId" IN (${users.sql})`, ...users.params);
  // under blind review a reviewer knows the others by pseudonym only (lib/review/blind.ts)
  const named = viewer.role === "REVIEWER" ? and([byName, clause(`p."blindReview" = ? OR l."userId" = ?`, false, viewer.id)]) : byName;
  return or([named, ...pairs.map((pair) => clause(`d."projectId" = ? AND l."userId" = ?`, pair.projectId, pair.userId))]);
}

// Documents that may hold the spans a filter asks for, read through an index (the span query then checks exactly).

/** Documents with a layer of a user the `annotator:` value may name. */
export function documentsOfAnnotator(value: string, pairs: readonly UserInProject[]): Clause {
  const users = usersNamed(value);
  const ids = pairs.map((p) => p.userId);
  return clause(
    `d."id" IN (SELECT l2."documentId" FROM "Layer" l2 WHERE l2."userId" IN (${users.sql})${ids.length ? ` OR l2."userId" IN (${ids.map(() => "?").join(", ")})` : ""})`,
    ...users.params,
    ...ids,
  );
}

/** Documents where the actor has an own layer. */
export const documentsWithOwnLayer = (actor: Pick<Actor, "id">) =>
  clause(`d."id" IN (SELECT l2."documentId" FROM "Layer" l2 WHERE l2."userId" = ? AND l2."kind" = 'ANNOTATOR')`, actor.id);

/** Documents with a span linked to the entity the value names. */
export const documentsMentioning = (name: string) =>
  clause(
    `d."id" IN (SELECT l2."documentId" FROM "Annotation" a2 JOIN "Layer" l2 ON l2."id" = a2."layerId" WHERE a2."entityId" IN (SELECT al."entityId" FROM "EntityAlias" al WHERE al."normalized" = ?))`,
    normalizeName(name),
  );

/**
 * Characters that never fold into, or combine with, a word's letters (lib/search/fold.ts, match-text.ts): printable
 * ASCII, tab and line breaks, Latin-1 punctuation and signs (U+00A0–U+00BF), general punctuation (U+2000–U+206F:
 * curly quotes, dashes, spaces). A text of these only folds to its ASCII lower case.
 */
const PLAIN = "\t\n\r -~\u00a0-\u00bf\u2000-\u206f";
const NOT_PLAIN_GLOB = `*[^${PLAIN}]*`;
const NOT_PLAIN_REGEX = `[^${PLAIN}]`;

/**
 * Spans whose text may hold every word of the terms, decided in SQL so that most spans never leave the database: a
 * text of PLAIN characters holds a folded word only if its ASCII lower case holds it as a substring; any other text
 * (accented letters, other scripts, combining marks) is kept. Every candidate still passes the exact check
 * (lib/search/match-text.ts holdsAllTerms).
 */
export function spanTextMayHold(terms: readonly Pick<Term, "words">[], sqlite: boolean): Clause {
  const words = [...new Set(terms.flatMap((t) => t.words))];
  const notPlain = sqlite ? clause(`a."text" GLOB ?`, NOT_PLAIN_GLOB) : clause(`a."text" ~ ?`, NOT_PLAIN_REGEX);
  const holds = and(words.map((w) => clause(sqlite ? `instr(lower(a."text"), ?) > 0` : `strpos(lower(a."text"), ?) > 0`, w)));
  return or([notPlain, holds]);
}

/** FTS5 query of the terms: each a quoted phrase of its folded words (which hold no quote), all required. */
export const fts5Query = (terms: readonly Pick<Term, "words">[]) => terms.map((t) => `"${t.words.join(" ")}"`).join(" ");

/** Documents holding every term, title or text (SQLite: the FTS5 index of the migration *_search). */
export function sqliteDocumentsMatching(terms: readonly Pick<Term, "words">[], column: string): Clause {
  return clause(
    `${column} IN (SELECT k."documentId" FROM "DocumentFts" JOIN "DocumentSearchKey" k ON k."key" = "DocumentFts"."rowid" WHERE "DocumentFts" MATCH ?)`,
    fts5Query(terms),
  );
}

/** Documents holding every term, title or text (PostgreSQL: the chunks of the migration *_search; a term matches in one chunk). */
export function postgresDocumentsMatching(terms: readonly Pick<Term, "words">[], column: string): Clause {
  return and(
    terms.map((t) =>
      clause(
        `${column} IN (SELECT c."documentId" FROM "DocumentSearchChunk" c WHERE c."tsv" @@ phraseto_tsquery('simple', "search_fold"(?)))`,
        t.words.join(" "),
      ),
    ),
  );
}
