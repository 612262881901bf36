/**
 * The document view draws annotations only near the viewport: within one
 * screen above and below it. Thousands of spans elsewhere cost nothing until
 * the reader scrolls there. Pure helpers; the measuring is in the workbench.
 */
import type { TextIndex } from "@/lib/text/offsets";
import type { Span } from "./types";

/** What is drawn before the first measurement: the start of the text, in code points. */
export const INITIAL_WINDOW_CP = 6_000;

export const inWindow = (s: Span, w: Span) => s.start < w.end && s.end > w.start;

/**
 * First and last line (paragraph) whose box meets [from, to] (pixels, in the
 * same frame as `box`); lines are in document order, so a binary search.
 */
export function linesMeeting(count: number, box: (i: number) => { top: number; bottom: number }, from: number, to: number): [number, number] | null {
  if (count === 0) return null;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (box(mid).bottom < from) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (box(mid).top > to) hi = mid - 1;
    else lo = mid;
  }
  return [first, Math.max(first, lo)];
}

/** The code point range of lines first..last (through the last one's "\n"). */
export function lineRange(index: Pick<TextIndex, "lineStartCp" | "lineCount" | "length">, first: number, last: number): Span {
  return { start: index.lineStartCp(first), end: last + 1 < index.lineCount ? index.lineStartCp(last + 1) : index.length };
}
