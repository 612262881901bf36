/**
 * Cuts a document into windows a model reads in one request. Whole lines are
 * packed into a window (a line is a paragraph in Marginalia's texts, and in
 * the editor); a line longer than a window is cut at the last sentence end in
 * the window's second half, else at the last whitespace in the window, else
 * at the window's end (never inside a surrogate pair).
 * Windows are contiguous and cover the text; windows with nothing but
 * whitespace are left out (nothing to ask about).
 */
export const MAX_CHUNK_CHARS = 6000;

/** A window of the text, in UTF-16 units, end exclusive. */
export type ChunkRange = { start: number; end: number };

export function chunkRanges(text: string, max = MAX_CHUNK_CHARS): ChunkRange[] {
  const steps = chunkRangeSteps(text, max);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * chunkRanges as a generator that pauses after each window, for
 * runSliced (lib/util/time-slice.ts): a 2,000,000-character text takes tens
 * of milliseconds to cut, which must not be one stretch of the event loop.
 */
export function* chunkRangeSteps(text: string, max = MAX_CHUNK_CHARS): Generator<void, ChunkRange[]> {
  if (max < 2) throw new RangeError("windows hold at least two UTF-16 units");
  const out: ChunkRange[] = [];
  const push = (start: number, end: number) => {
    if (/\S/.test(text.slice(start, end))) out.push({ start, end });
  };
  let start = 0;
  let end = 0;
  for (let lineStart = 0; lineStart < text.length;) {
    const nl = text.indexOf("\n", lineStart);
    const lineEnd = nl === -1 ? text.length : nl + 1;
    lineStart = lineEnd;
    if (lineEnd - start <= max) {
      end = lineEnd;
      continue;
    }
    if (end > start) {
      push(start, end);
      start = end;
      yield;
    }
    while (lineEnd - start > max) {
      const cut = cutInside(text, start, start + max);
      push(start, cut);
      start = cut;
      yield;
    }
    end = lineEnd;
  }
  if (end > start) push(start, end);
  return out;
}

/** Where to end a window that starts at `from` inside a line that goes past `limit`. */
function cutInside(text: string, from: number, limit: number): number {
  const half = from + Math.floor((limit - from) / 2);
  const sentence = lastBreak(text, half, limit, true);
  if (sentence !== -1) return sentence;
  const space = lastBreak(text, from + 1, limit, false);
  if (space !== -1) return space;
  return limit - (isHighSurrogate(text.charCodeAt(limit - 1)) ? 1 : 0);
}

/**
 * The last position b in [lowest, limit) that starts a word after whitespace
 * (after a sentence end: . ! ? … and any closing quotes or brackets, when
 * `sentence`), or -1. Scans back from the limit, so a cut costs what it skips.
 */
function lastBreak(text: string, lowest: number, limit: number, sentence: boolean): number {
  for (let b = limit - 1; b >= lowest && b > 0; b--) {
    if (isSpace(text.charCodeAt(b)) || !isSpace(text.charCodeAt(b - 1))) continue;
    if (!sentence) return b;
    let k = b - 1;
    while (k > 0 && isSpace(text.charCodeAt(k))) k--;
    while (k > 0 && CLOSERS.includes(text[k])) k--;
    if (SENTENCE_ENDS.includes(text[k])) return b;
  }
  return -1;
}

const SENTENCE_ENDS = ".!?…";
const CLOSERS = "\"'”’»)]";

/** JavaScript's \s, by code unit (a regular expression per character would cost more than the scan). */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
