/**
 * What a word is to search, and when two words are the same: the one rule the
 * database indexes (SQLite FTS5 `unicode61 remove_diacritics 2`; PostgreSQL
 * `search_fold()` in the migration *_search) and the code that finds a hit's
 * offsets in a text follow alike.
 *
 * - A word is a run of letters, digits and combining marks that starts with a
 *   letter or a digit; everything else separates words ("al-Abadi" is the two
 *   words "al" "abadi", "Kerry's" is "kerry" "s").
 * - Case does not count, and neither do the diacritics of Latin letters:
 *   "Lávrov", "LAVROV" and "lavrov" are the same word. A Latin letter folds to
 *   its base letter when that base is a plain ASCII letter (as FTS5 does;
 *   "ø", "æ", "ł" stay themselves; PostgreSQL also folds the rare "ǡ").
 */

/** Latin letters (U+00C0–U+024F, U+1E00–U+1EFF) → the ASCII letter they fold to. */
export const LATIN_FOLDS: ReadonlyMap<string, string> = (() => {
  const folds = new Map<string, string>();
  // FTS5 folds these two only to another accented letter; and it folds the long s as a case.
  const unlike = new Set(["\u01e0", "\u01e1"]);
  for (const [from, to] of [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ]) {
    for (let cp = from; cp <= to; cp++) {
      const c = String.fromCodePoint(cp);
      const base = c.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      if (base !== c && /^[a-z]$/.test(base) && !unlike.has(c)) folds.set(c, base);
    }
  }
  folds.set("\u017f", "s").set("\u1e9b", "s");
  return folds;
})();

const FOLDABLE = /[\u00c0-\u024f\u1e00-\u1eff]/g;

/** A word as the index keeps it: lower case, Latin diacritics removed. */
export function foldWord(word: string): string {
  return word.replace(FOLDABLE, (c) => LATIN_FOLDS.get(c) ?? c).toLowerCase();
}

/** The words of a string, folded (the string is first put in NFC, as document texts are). */
export function foldedWords(s: string): string[] {
  return Array.from(s.normalize("NFC").matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu), (m) => foldWord(m[0]));
}

/** Word characters, for regular expressions. */
export const WORD_CHAR = "\\p{L}\\p{N}\\p{M}";
