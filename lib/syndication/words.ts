/**
 * Words for syndication matching: the raw code point range of each word in
 * the canonical text, and its normalised form (NFKC, lower case, letters,
 * marks and digits only). Punctuation and spacing never count, so two copies
 * of a wire text that differ in quotes, dashes or line breaks still match.
 * A hyphenation break ("con- cerns", "con-\ncerns") is read as one word;
 * ligature damage ("efffffffffffforts") is left as it is and simply does not
 * match, which the passage merging tolerates (near-verbatim).
 */
export type Word = { start: number; end: number; norm: string };

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LOWER_START = /^\p{Ll}/u;

export function normaliseWord(raw: string): string {
  return Array.from(raw.normalize("NFKC").toLowerCase())
    .filter((c) => WORD_CHAR.test(c))
    .join("");
}

/** Words of `text` in order; offsets are code points, end exclusive. */
export function syndicationWords(text: string): Word[] {
  const chars = Array.from(text);
  const raw: { start: number; end: number }[] = [];
  let i = 0;
  while (i < chars.length) {
    if (!WORD_CHAR.test(chars[i])) {
      i++;
      continue;
    }
    const start = i;
    while (i < chars.length && WORD_CHAR.test(chars[i])) i++;
    raw.push({ start, end: i });
  }
  const words: Word[] = [];
  for (let k = 0; k < raw.length; k++) {
    let { start, end } = raw[k];
    let norm = normaliseWord(chars.slice(start, end).join(""));
    // "con- cerns" / "con-\ncerns": a hyphen, then only spaces or line breaks, then a lower-case continuation
    while (k + 1 < raw.length) {
      const gap = chars.slice(end, raw[k + 1].start).join("");
      const next = chars.slice(raw[k + 1].start, raw[k + 1].end).join("");
      if (!/^-[ \t\u00a0]*\n?[ \t\u00a0]*$/.test(gap) || gap === "-" || !LOWER_START.test(next)) break;
      k++;
      end = raw[k].end;
      norm += normaliseWord(next);
    }
    if (norm) words.push({ start, end, norm });
  }
  return words;
}
