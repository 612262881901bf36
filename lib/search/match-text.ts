/**
 * Where a search's words are in one text: a regular expression built from the
 * folded words, matching every spelling that folds to them (any case, Latin
 * diacritics, combining marks after a letter), whole words only, the words of
 * a phrase one after the other with anything but a word between them. No
 * nested repetition, so its time is linear in the text: one exec over a
 * 2,000,000-character document takes a few milliseconds.
 */
import { LATIN_FOLDS, WORD_CHAR } from "./fold";
import type { Term } from "./query-language";

/** Letters whose lower case is not the letter their upper case comes from (title-case digraphs, Greek, signs). */
const OTHER_UPPER =
  "\u01c5\u01c8\u01cb\u01f2\u03f4\u1e9e\u1f88\u1f89\u1f8a\u1f8b\u1f8c\u1f8d\u1f8e\u1f8f\u1f98\u1f99\u1f9a\u1f9b\u1f9c\u1f9d\u1f9e\u1f9f\u1fa8\u1fa9\u1faa\u1fab\u1fac\u1fad\u1fae\u1faf\u1fbc\u1fcc\u1ffc\u2126\u212a\u212b";

let latin: Map<string, string[]> | null = null;

/** Every character that folds to `c` (a folded character), `c` first. */
function variantsOf(c: string): string[] {
  if (!latin) {
    latin = new Map();
    for (const [from, to] of LATIN_FOLDS) latin.set(to, [...(latin.get(to) ?? []), from]);
  }
  const upper = c.toUpperCase();
  const all = [c, ...(Array.from(upper).length === 1 ? [upper] : []), ...(latin.get(c) ?? []), ...Array.from(OTHER_UPPER).filter((x) => x.toLowerCase() === c)];
  return [...new Set(all)];
}

const escapeClassChar = (c: string) => (/[\\\]\[^-]/.test(c) ? `\\${c}` : c);

function charPattern(c: string): string {
  const all = variantsOf(c);
  const body = all.length === 1 ? escapeClassChar(c) : all.map(escapeClassChar).join("");
  return /\p{M}/u.test(c) ? `[${body}]` : `[${body}]\\p{M}*`;
}

/** The regular expression source of one term (folded words, in order). */
export function termSource(words: readonly string[]): string {
  const wordSource = (w: string) => Array.from(w, charPattern).join("");
  return `(?<![${WORD_CHAR}])${words.map(wordSource).join(`[^${WORD_CHAR}]+`)}(?![${WORD_CHAR}])`;
}

// Compiling one of these costs a few milliseconds (Unicode property classes); a search's next page asks for the same.
const compiled = new Map<string, RegExp>();
function regex(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) {
    if (compiled.size >= 64) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, (re = new RegExp(source, flags)));
  }
  return re;
}

/** Any of the terms, for the first hit of a search in a text. */
export function anyTermRegex(terms: readonly Pick<Term, "words">[]): RegExp {
  return regex(terms.map((t) => `(?:${termSource(t.words)})`).join("|"), "gu");
}

/** The first place any term occurs, in UTF-16 units [start, end), or null. */
export function firstMatch(text: string, terms: readonly Pick<Term, "words">[]): { start: number; end: number } | null {
  if (terms.length === 0) return null;
  const re = anyTermRegex(terms);
  re.lastIndex = 0;
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** A test that a text holds every term (a span's text, for `Lavrov label:PERSON`). */
export function holdsAllTerms(terms: readonly Pick<Term, "words">[]): (text: string) => boolean {
  const res = terms.map((t) => regex(termSource(t.words), "u"));
  return (text) => res.every((re) => re.test(text));
}
