/** Word boundaries, for snapping selections and moving a keyboard cursor. */
import type { TextIndex } from "./offsets";

export type Range = { start: number; end: number };

const segmenter = new Intl.Segmenter("en", { granularity: "word" });

/** Word-like segments of the text as code point ranges, in order. */
export function wordRanges(index: TextIndex): Range[] {
  const out: Range[] = [];
  for (const seg of segmenter.segment(index.text)) {
    if (!seg.isWordLike) continue;
    out.push({
      start: index.utf16ToCp(seg.index),
      end: index.utf16ToCp(seg.index + seg.segment.length),
    });
  }
  return out;
}

/** First range whose end is after `offset` (binary search). */
function firstEndingAfter(words: Range[], offset: number): number {
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
 * both ends. Returns null when nothing but whitespace is selected.
 */
export function snapToWords(index: TextIndex, words: Range[], sel: Range): Range | null {
  let { start, end } = sel;
  const first = words[firstEndingAfter(words, start)];
  if (first && first.start < start && start < first.end) start = first.start;
  const lastIdx = firstEndingAfter(words, end - 1);
  const last = words[lastIdx];
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
export function wordAt(words: Range[], offset: number): number {
  return Math.min(firstEndingAfter(words, offset), words.length - 1);
}
