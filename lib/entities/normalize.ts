/**
 * How names and aliases are compared, for type-ahead and for finding them in
 * text. Two spellings are "the same" when their normalised forms are equal:
 *
 * 1. Unicode NFKC (compatibility forms fold: "ﬁ" → "fi", full-width → ASCII);
 * 2. apostrophes and quote-like marks (’ ‘ ʼ ʻ ` ´ ′) become "'";
 * 3. hyphens and dashes (‐ ‑ ‒ – — ― − ﹣ －) become "-";
 * 4. lower case (JavaScript `toLowerCase`, i.e. Unicode default lower-casing,
 *    which is case folding for every script the corpus uses);
 * 5. every run of white space becomes one space; ends are trimmed.
 *
 * Case is folded here; whether an alias must also match the *case* of the text
 * is a separate rule (see `isCaseSensitiveAlias`).
 */
const APOSTROPHES = /[\u2019\u2018\u02BC\u02BB\u0060\u00B4\u2032]/gu;
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D]/gu;

/** One code point (or a short string) normalised without collapsing white space: the building block of text matching. */
export function foldChars(s: string): string {
  return s.normalize("NFKC").replace(APOSTROPHES, "'").replace(HYPHENS, "-").toLowerCase();
}

export function normalizeName(s: string): string {
  return foldChars(s).replace(/\s+/gu, " ").trim();
}

/**
 * An alias written in capitals only ("IS", "ISIL", "U.S.") matches text of the
 * same case only, so that the pronoun-like "is" or "Is" never suggests the
 * Islamic State. Everything else matches regardless of case.
 */
export function isCaseSensitiveAlias(alias: string): boolean {
  const s = alias.normalize("NFKC");
  return /\p{L}/u.test(s) && s === s.toUpperCase() && s !== s.toLowerCase();
}
