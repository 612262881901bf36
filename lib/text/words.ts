/**
 * Word boundaries, for snapping selections and moving a keyboard cursor.
 *
 * `Intl.Segmenter` is quadratic in the length of what it is given on Node 20
 * (80k characters: 4 s, 160k: 16 s), so text is never handed to it whole: it
 * is cut into pieces of at most SEGMENT_CHUNK UTF-16 units at places where no
 * word boundary rule can join across (whitespace followed by a letter or
 * digit), which makes segmentation linear and gives the same words.
 */
import type { TextIndex } from "./offsets";

export type Range = { start: number; end: number };

const segmenter = new Intl.Segmenter("en", { granularity: "word" });
export const SEGMENT_CHUNK = 2_000;
/** The longest piece cut anywhere but at a safe place (text without spaces: CJK, Thai, URLs); may split one word. */
const MAX_PIECE = 8_192;
const SAFE_CUT = /\s(?=[\p{L}\p{N}])/gu;

/** Word-like segments of `text` as UTF-16 ranges, in order; linear in the text's length. */
export function segmentWords(text: string, chunk = SEGMENT_CHUNK): Range[] {
  const out: Range[] = [];
  let from = 0;
  while (from < text.length) {
    const to = pieceEnd(text, from, chunk);
    const piece = text.slice(from, to);
    const words: Range[] = [];
    for (const seg of segmenter.segment(piece)) {
      if (seg.isWordLike) words.push({ start: from + seg.index, end: from + seg.index + seg.segment.length });
    }
    out.push(...keepAbbreviationsWhole(piece, from, words));
    from = to;
  }
  return out;
}

/** Dotted abbreviations and initialisms ("U.N.", "U.S.", "e.g.", "Ph.D."): one or two letters and a period, at least twice. */
const ABBREVIATION = /(?<![\p{L}\p{N}.])(?:\p{L}{1,2}\.){2,}/gu;

/**
 * The piece's words with each dotted abbreviation as one word, its last period
 * included (Unicode's word rules split "U.N." into "U" and "N"), so a cursor
 * shows "U.N." and one key selects it.
 */
function keepAbbreviationsWhole(piece: string, offset: number, words: Range[]): Range[] {
  ABBREVIATION.lastIndex = 0;
  let m = ABBREVIATION.exec(piece);
  if (!m) return words;
  const out: Range[] = [];
  let i = 0;
  while (m) {
    const start = offset + m.index;
    const end = start + m[0].length;
    while (i < words.length && words[i].end <= start) out.push(words[i++]);
    while (i < words.length && words[i].start < end) i++; // the parts of the abbreviation
    out.push({ start, end });
    m = ABBREVIATION.exec(piece);
  }
  while (i < words.length) out.push(words[i++]);
  return out;
}

/** Where the piece starting at `from` ends: at the first safe cut after `chunk` units, or after MAX_PIECE units. */
function pieceEnd(text: string, from: number, chunk: number): number {
  if (from + chunk >= text.length) return text.length;
  SAFE_CUT.lastIndex = from + chunk;
  const m = SAFE_CUT.exec(text);
  const safe = m ? m.index + 1 : text.length;
  let end = Math.min(safe, from + MAX_PIECE);
  if (end === text.length) return end;
  const c = text.charCodeAt(end);
  if (c >= 0xdc00 && c <= 0xdfff) end--; // never between the halves of a surrogate pair
  return end;
}

/** Word-like segments of a whole text as code point ranges, in order. Linear; for server-side batch work. */
export function wordRanges(index: TextIndex, chunk = SEGMENT_CHUNK): Range[] {
  return segmentWords(index.text, chunk).map((r) => ({ start: index.utf16ToCp(r.start), end: index.utf16ToCp(r.end) }));
}

/** First range whose end is after `offset` (binary search). */
export function firstEndingAfter(words: readonly Range[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const isSpace = (ch: string) => /\s/u.test(ch);

/**
 * Widens a selection so that it does not cut a word, then trims whitespace at
 * both ends. Returns null when nothing but whitespace is selected. `wordsAt`
 * gives the words around an offset (all of them, or a line's).
 */
export function snapToWords(index: TextIndex, wordsAt: readonly Range[] | ((cp: number) => readonly Range[]), sel: Range): Range | null {
  const around = typeof wordsAt === "function" ? wordsAt : () => wordsAt;
  let { start, end } = sel;
  const startWords = around(start);
  const first = startWords[firstEndingAfter(startWords, start)];
  if (first && first.start < start && start < first.end) start = first.start;
  const endWords = around(Math.max(0, end - 1));
  const last = endWords[firstEndingAfter(endWords, end - 1)];
  if (last && last.start < end && end < last.end) end = last.end;
  return trimRange(index, { start, end });
}

export function trimRange(index: TextIndex, sel: Range): Range | null {
  const { start, end } = sel;
  const chars = Array.from(index.slice(start, end));
  let a = 0;
  let b = chars.length;
  while (a < b && isSpace(chars[a])) a++;
  while (b > a && isSpace(chars[b - 1])) b--;
  if (a === b) return null;
  return { start: start + a, end: start + b };
}

/** Index of the word at or after `offset`, or the last word. */
export function wordAt(words: readonly Range[], offset: number): number {
  return Math.min(firstEndingAfter(words, offset), words.length - 1);
}
