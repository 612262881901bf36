/**
 * The search box's language:
 *
 *   Lavrov "foreign minister" label:PERSON entity:"Sergey Lavrov"
 *   annotator:ana@example.org layer:gold status:submitted project:iraq-2015
 *
 * - words must all occur (case and Latin diacritics do not count); a word
 *   written with punctuation inside ("al-Abadi", "U.N.") is its words in a row;
 * - "quoted phrases" must occur as written, word after word;
 * - filters `name:value` (a value with spaces in quotes), each at most once:
 *   label, entity (a registry name or alias), annotator (name or email),
 *   layer (own, gold, suggestions), status (of the layer), project (slug or id).
 *   Anything else with a colon ("10:30", "http://…") is words.
 *
 * parseQuery never throws anything but an AppError INVALID_INPUT (400) with a
 * message that says what to change. Its terms hold folded words only (letters,
 * digits, marks: lib/search/fold.ts), so what reaches an index query is never
 * the text as typed.
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { foldedWords } from "./fold";

export const MAX_QUERY_LENGTH = 500;
export const MAX_TERMS = 8;
export const MAX_PHRASE_WORDS = 16;
export const MAX_WORD_LENGTH = 64;

export const LAYER_FILTERS = ["own", "gold", "suggestions"] as const;
export type LayerFilter = (typeof LAYER_FILTERS)[number];
export const STATUS_FILTERS = ["IN_PROGRESS", "SUBMITTED", "APPROVED", "REJECTED"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const FILTER_KEYS = ["label", "entity", "annotator", "layer", "status", "project"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** A word or a phrase: folded words that must occur in this order, one after the other. */
const Term = z.object({
  words: z
    .array(z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}\p{M}]*$/u))
    .min(1)
    .max(MAX_PHRASE_WORDS, `A phrase can have at most ${MAX_PHRASE_WORDS} words`),
  /** as typed, for messages */
  text: z.string(),
});
export type Term = z.infer<typeof Term>;

const value = (max: number) => z.string().trim().min(1).max(max, `is longer than ${max} characters`);

export const SearchFilters = z
  .object({
    label: value(40),
    entity: value(200),
    annotator: value(200),
    layer: z.enum(LAYER_FILTERS, { message: `layer: is one of ${LAYER_FILTERS.join(", ")}` }),
    status: z.enum(STATUS_FILTERS, { message: "status: is one of submitted, approved, in_progress, rejected" }),
    project: value(200),
  })
  .partial()
  .strict();
export type SearchFilters = z.infer<typeof SearchFilters>;

export const ParsedQuery = z.object({
  terms: z.array(Term).max(MAX_TERMS, `Search for at most ${MAX_TERMS} words or phrases at once`),
  filters: SearchFilters,
});
export type ParsedQuery = z.infer<typeof ParsedQuery>;

/** Filters that make the hits annotations rather than passages of text. */
export const hasAnnotationFilter = (f: SearchFilters) =>
  f.label !== undefined || f.entity !== undefined || f.annotator !== undefined || f.layer !== undefined || f.status !== undefined;

const invalid = (message: string) => new AppError("INVALID_INPUT", message);

type Token = { kind: "term"; text: string; quoted: boolean } | { kind: "filter"; key: FilterKey; value: string };

/** Reads `"…"` from `at` (on the opening quote); an unclosed quote runs to the end. */
function quoted(q: string, at: number): { text: string; next: number } {
  const close = q.indexOf('"', at + 1);
  return close === -1 ? { text: q.slice(at + 1), next: q.length } : { text: q.slice(at + 1, close), next: close + 1 };
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    if (/\s/u.test(q[i])) {
      i++;
      continue;
    }
    if (q[i] === '"') {
      const { text, next } = quoted(q, i);
      tokens.push({ kind: "term", text, quoted: true });
      i = next;
      continue;
    }
    const key = /^([A-Za-z]+):/.exec(q.slice(i, i + 12));
    const name = key?.[1].toLowerCase();
    if (key && (FILTER_KEYS as readonly string[]).includes(name!)) {
      const at = i + key[0].length;
      if (q[at] === '"') {
        const { text, next } = quoted(q, at);
        tokens.push({ kind: "filter", key: name as FilterKey, value: text });
        i = next;
      } else {
        const end = q.slice(at).search(/\s/u);
        const stop = end === -1 ? q.length : at + end;
        tokens.push({ kind: "filter", key: name as FilterKey, value: q.slice(at, stop) });
        i = stop;
      }
      continue;
    }
    const end = q.slice(i).search(/\s/u);
    const stop = end === -1 ? q.length : i + end;
    tokens.push({ kind: "term", text: q.slice(i, stop), quoted: false });
    i = stop;
  }
  return tokens;
}

const FILTER_VALUE: Record<FilterKey, (v: string) => string> = {
  label: (v) => v,
  entity: (v) => v,
  annotator: (v) => v,
  project: (v) => v,
  layer: (v) => v.toLowerCase(),
  status: (v) => {
    const s = v.toUpperCase().replace(/[-\s]/g, "_");
    return s === "SENT_BACK" ? "REJECTED" : s;
  },
};

export function parseQuery(input: unknown): ParsedQuery {
  if (typeof input !== "string") throw invalid("q: give the search as text");
  if (input.length > MAX_QUERY_LENGTH) throw invalid(`q: a search is at most ${MAX_QUERY_LENGTH} characters`);
  const q = input.normalize("NFC");
  const terms: Term[] = [];
  const filters: Record<string, string> = {};
  for (const t of tokenize(q)) {
    if (t.kind === "filter") {
      if (t.key in filters) throw invalid(`${t.key}: is given twice; a search takes each filter once`);
      if (!t.value.trim()) throw invalid(`${t.key}: needs a value, e.g. ${t.key}:${EXAMPLES[t.key]}`);
      filters[t.key] = FILTER_VALUE[t.key](t.value.trim());
      continue;
    }
    const words = foldedWords(t.text);
    if (words.length === 0) continue; // punctuation alone matches nothing, and narrows nothing
    const long = words.find((w) => Array.from(w).length > MAX_WORD_LENGTH);
    if (long) throw invalid(`"${Array.from(long).slice(0, 20).join("")}…" is longer than ${MAX_WORD_LENGTH} characters: no word is that long`);
    terms.push({ words, text: t.text });
  }
  const parsed = ParsedQuery.safeParse({ terms, filters });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path[0] === "filters" && issue.path[1] ? `${String(issue.path[1])}: ` : "";
    throw invalid(`${where}${issue.message}`.replace(/^(\w+): \1: /, "$1: "));
  }
  if (parsed.data.terms.length === 0 && Object.keys(parsed.data.filters).length === 0) {
    throw invalid('Type a word, a "phrase" or a filter such as label:PERSON');
  }
  return parsed.data;
}

const EXAMPLES: Record<FilterKey, string> = {
  label: "PERSON",
  entity: '"Sergey Lavrov"',
  annotator: "ana@example.org",
  layer: "gold",
  status: "submitted",
  project: "iraq-intel-2015",
};
