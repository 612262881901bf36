/**
 * Words for syndication matching: the raw code point range of each word in
 * the canonical text, and its normalised form (NFKC, lower case, letters,
 * marks and digits only). Punctuation and spacing never count, so two copies
 * of a wire text that differ in quotes, dashes or line breaks still match.
 * A hyphenation break ("con- cerns", "con-\ncerns") is read as one word;
 * ligature damage ("efffffffffffforts") is left as it is and simply does not
 * match, which the passage merging tolerates (near-verbatim).
 *
 * The scan is a generator that stops at checkpoints (every few thousand
 * characters), so the same code runs to completion for pure callers
 * (`syndicationWords`) and in time slices on the server (`syndicationWordsAsync`).
 */
import { runSliced, type Slicer } from "@/lib/util/time-slice";

export type Word = { start: number; end: number; norm: string };

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LOWER_START = /^\p{Ll}/u;
const HYPHEN_GAP = /^-[ \t\u00a0]*\n?[ \t\u00a0]*$/;
const ASCII_WORD = /^[A-Za-z0-9]+$/;
const CHECKPOINT_CHARS = 4096;

/** ASCII word characters: [0-9A-Za-z]; other ASCII never is one. */
const isWordUnit = (s: string, i: number, c: number) =>
  c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : WORD_CHAR.test(String.fromCodePoint(s.codePointAt(i)!));

/** UTF-16 units of the code point at i (a lone surrogate counts as one code point, as Array.from does). */
function unitsAt(s: string, i: number, c: number) {
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return 1;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

export function normaliseWord(raw: string): string {
  if (ASCII_WORD.test(raw)) return raw.toLowerCase();
  return Array.from(raw.normalize("NFKC").toLowerCase())
    .filter((c) => WORD_CHAR.test(c))
    .join("");
}

/** Raw word: code point range and UTF-16 range. */
type Raw = { start: number; end: number; u0: number; u1: number };

/** Scans `text`, pushing its words onto `out`; yields at checkpoints. */
export function* scanWords(text: string, out: Word[]): Generator<void, Word[]> {
  const raw: Raw[] = [];
  let cp = 0;
  let i = 0;
  let next = CHECKPOINT_CHARS;
  while (i < text.length) {
    if (i >= next) {
      next = i + CHECKPOINT_CHARS;
      yield;
    }
    const c = text.charCodeAt(i);
    const width = unitsAt(text, i, c);
    if (!isWordUnit(text, i, c)) {
      i += width;
      cp++;
      continue;
    }
    const w: Raw = { start: cp, end: cp, u0: i, u1: i };
    while (i < text.length) {
      const d = text.charCodeAt(i);
      if (!isWordUnit(text, i, d)) break;
      i += unitsAt(text, i, d);
      cp++;
    }
    w.end = cp;
    w.u1 = i;
    raw.push(w);
  }
  for (let k = 0; k < raw.length; k++) {
    if (k % 512 === 511) yield;
    const { start, u0 } = raw[k];
    let { end, u1 } = raw[k];
    let norm = normaliseWord(text.slice(u0, u1));
    // "con- cerns" / "con-\ncerns": a hyphen, then only spaces or line breaks, then a lower-case continuation
    while (k + 1 < raw.length) {
      const gap = text.slice(u1, raw[k + 1].u0);
      if (gap === "-" || !HYPHEN_GAP.test(gap)) break;
      const nextWord = text.slice(raw[k + 1].u0, raw[k + 1].u1);
      if (!LOWER_START.test(nextWord)) break;
      k++;
      end = raw[k].end;
      u1 = raw[k].u1;
      norm += normaliseWord(nextWord);
    }
    if (norm) out.push({ start, end, norm });
  }
  return out;
}

/** Words of `text` in order; offsets are code points, end exclusive. */
export function syndicationWords(text: string): Word[] {
  const out: Word[] = [];
  const scan = scanWords(text, out);
  while (!scan.next().done);
  return out;
}

/** The same words, computed in time slices that leave the event loop free between them (pass the clock of a loop over many texts). */
export async function syndicationWordsAsync(text: string, clock?: Slicer): Promise<Word[]> {
  const out: Word[] = [];
  await runSliced(scanWords(text, out), clock);
  return out;
}
