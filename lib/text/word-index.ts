/**
 * The words of a text, found a line at a time when first asked for, so that
 * moving a cursor or snapping a selection costs the lines it touches, never
 * the whole text. Offsets are code points.
 */
import type { TextIndex } from "./offsets";
import { firstEndingAfter, segmentWords, snapToWords, type Range } from "./words";

export class WordIndex {
  private readonly lines = new Map<number, Range[]>();

  constructor(private readonly index: TextIndex) {}

  /** The words of one line, in order. */
  wordsOfLine(line: number): Range[] {
    let words = this.lines.get(line);
    if (!words) {
      const base = this.index.lineStartUtf16(line);
      const cp = (u: number) => this.index.utf16ToCp(base + u);
      words = segmentWords(this.index.lineText(line)).map((r) => ({ start: cp(r.start), end: cp(r.end) }));
      this.lines.set(line, words);
    }
    return words;
  }

  /** The word holding `cp`, else the next word after it, else the last word before it; null in a text without words. */
  wordAt(cp: number): Range | null {
    const line = this.index.lineOfCp(cp);
    const words = this.wordsOfLine(line);
    const here = words[firstEndingAfter(words, cp)];
    if (here) return here;
    return this.firstFrom(line + 1, 1) ?? this.prev({ start: cp, end: cp });
  }

  /** The word after `w` (across lines), or null at the end. */
  next(w: Range): Range | null {
    const line = this.index.lineOfCp(w.start);
    const words = this.wordsOfLine(line);
    const after = words[firstEndingAfter(words, w.end)];
    if (after && after.start >= w.end) return after;
    return this.firstFrom(line + 1, 1);
  }

  /** The word before `w` (across lines), or null at the start. */
  prev(w: Range): Range | null {
    const line = this.index.lineOfCp(w.start);
    const words = this.wordsOfLine(line);
    const i = firstEndingAfter(words, w.start) - 1;
    if (i >= 0 && words[i].end <= w.start) return words[i];
    return this.lastFrom(line - 1);
  }

  /** The first word of the next line that has words. */
  nextLine(w: Range): Range | null {
    return this.firstFrom(this.index.lineOfCp(w.start) + 1, 1);
  }

  /** The first word of the previous line that has words. */
  prevLine(w: Range): Range | null {
    return this.firstFrom(this.index.lineOfCp(w.start) - 1, -1);
  }

  first(): Range | null {
    return this.firstFrom(0, 1);
  }

  last(): Range | null {
    return this.lastFrom(this.index.lineCount - 1);
  }

  /** Widens a selection to whole words and trims whitespace (see snapToWords). */
  snap(sel: Range): Range | null {
    return snapToWords(this.index, (cp) => this.wordsOfLine(this.index.lineOfCp(cp)), sel);
  }

  /** First word of the first line with words from `line` on, stepping by `step`. */
  private firstFrom(line: number, step: 1 | -1): Range | null {
    for (let l = line; l >= 0 && l < this.index.lineCount; l += step) {
      const words = this.wordsOfLine(l);
      if (words.length) return words[0];
    }
    return null;
  }

  private lastFrom(line: number): Range | null {
    for (let l = line; l >= 0; l--) {
      const words = this.wordsOfLine(l);
      if (words.length) return words[words.length - 1];
    }
    return null;
  }
}
