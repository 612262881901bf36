/**
 * The offset contract: every offset in Marginalia counts Unicode code points
 * of the canonical text, end exclusive, as Python's `text[start:end]`.
 * JavaScript strings index UTF-16 units and the editor (ProseMirror) counts
 * positions over a tree of one paragraph per line. TextIndex is the one place
 * that converts between the three.
 */
import { lastAtOrBefore } from "./sorted-search";

/** Canonical form of imported text: line endings "\n", Unicode NFC. */
export function canonicalizeText(raw: string): string {
  return raw.replace(/\r\n?/g, "\n").normalize("NFC");
}

export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * The code point offset of UTF-16 offset `u` (at a code point boundary), without a TextIndex's tables: one
 * conversion in a long text (a search hit) costs a scan for surrogate pairs before `u`, a few milliseconds at
 * 2,000,000 characters where building the tables costs tens.
 */
export function codePointOffsetOf(text: string, u: number): number {
  const before = text.slice(0, u);
  return before.length - (before.match(SURROGATE_PAIR)?.length ?? 0);
}

/**
 * The UTF-16 offset of code point offset `cp`, without a TextIndex's tables, walking on from a known pair of
 * offsets (`from`, at or before it): the snippets of a page of search hits in one long text, converted in order.
 */
export function utf16OffsetOf(text: string, cp: number, from: { u: number; cp: number } = { u: 0, cp: 0 }): number {
  let { u, cp: at } = from;
  while (at < cp && u < text.length) {
    const end = Math.min(text.length, u + (cp - at)); // cp - at code points take at least as many units
    const chunk = text.slice(u, end);
    const pairs = chunk.match(SURROGATE_PAIR)?.length ?? 0;
    const cut = end < text.length && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end));
    if (cut && end - 1 === u) {
      u += 2; // the chunk is the first half of a pair: take the pair whole
      at += 1;
    } else {
      u = cut ? end - 1 : end;
      at += chunk.length - pairs - (cut ? 1 : 0);
    }
  }
  return u;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The UTF-16 offset `n` code points after (n > 0) or before (n < 0) UTF-16 offset `u`, stopping at the ends of the
 * text; a surrogate pair counts as one code point. Costs |n|.
 */
export function stepCodePoints(text: string, u: number, n: number): number {
  let i = u;
  for (let k = 0; k < Math.abs(n); k++) {
    if (n > 0) {
      if (i >= text.length) break;
      i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    } else {
      if (i <= 0) break;
      i -= i >= 2 && isLowSurrogate(text.charCodeAt(i - 1)) && isHighSurrogate(text.charCodeAt(i - 2)) ? 2 : 1;
    }
  }
  return i;
}

/** `text[start:end]` in code points (no negative indices). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return new TextIndex(text).slice(start, end);
}

/**
 * Conversions over one text. Its tables are built on first use, not in the
 * constructor, so a TextIndex costs nothing where no offset is converted
 * (a page's server render, for instance).
 */
export class TextIndex {
  readonly text: string;
  private tables: {
    /** length in code points */
    length: number;
    /** UTF-16 offset of every code point boundary, or null when text has no astral characters */
    u16OfCp: Uint32Array | null;
    /** UTF-16 offset where each line starts */
    lineStarts: number[];
    /** editor position where each line's content starts */
    pmLineStarts: number[];
  } | null = null;

  constructor(text: string) {
    this.text = text;
  }

  private get t() {
    return (this.tables ??= buildTables(this.text));
  }

  /** length in code points */
  get length(): number {
    return this.t.length;
  }

  private get u16OfCp() {
    return this.t.u16OfCp;
  }

  private get lineStarts() {
    return this.t.lineStarts;
  }

  private get pmLineStarts() {
    return this.t.pmLineStarts;
  }

  /** Number of lines ("\n"-separated; an empty text has one). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Code point offset where line `line` starts. */
  lineStartCp(line: number): number {
    return this.utf16ToCp(this.lineStarts[line]);
  }

  /** Code point offset where line `line` ends (before its "\n"). */
  lineEndCp(line: number): number {
    const next = this.lineStarts[line + 1];
    return next === undefined ? this.length : this.utf16ToCp(next - 1);
  }

  /** The line holding code point offset `cp` (an offset at a "\n" belongs to the line it ends). */
  lineOfCp(cp: number): number {
    return this.lineOfUtf16(this.cpToUtf16(cp));
  }

  /** UTF-16 offset where line `line` starts. */
  lineStartUtf16(line: number): number {
    return this.lineStarts[line];
  }

  /** The text of one line, without its "\n". */
  lineText(line: number): string {
    const from = this.lineStarts[line];
    const next = this.lineStarts[line + 1];
    return this.text.slice(from, next === undefined ? this.text.length : next - 1);
  }

  get lines(): string[] {
    return this.text.split("\n");
  }

  isValidRange(start: number, end: number): boolean {
    return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= this.length;
  }

  cpToUtf16(cp: number): number {
    this.assertCp(cp);
    return this.u16OfCp ? this.u16OfCp[cp] : cp;
  }

  /** The code point containing UTF-16 offset `u` (rounds down inside a surrogate pair). */
  utf16ToCp(u: number): number {
    if (u < 0 || u > this.text.length) throw new RangeError(`UTF-16 offset ${u} outside 0..${this.text.length}`);
    return this.u16OfCp ? lastAtOrBefore(this.u16OfCp, u) : u;
  }

  slice(start: number, end: number): string {
    if (!this.isValidRange(start, end)) {
      throw new RangeError(`range ${start}..${end} outside 0..${this.length}`);
    }
    return this.text.slice(this.cpToUtf16(start), this.cpToUtf16(end));
  }

  /**
   * Editor position of a code point offset. The editor document holds one
   * paragraph per line: paragraph i opens at a position and its content starts
   * one after; each "\n" (one UTF-16 unit) spans a close and an open token (two).
   */
  cpToPm(cp: number): number {
    const u = this.cpToUtf16(cp);
    return u + 1 + this.lineOfUtf16(u);
  }

  /** Code point offset of an editor position; positions between paragraphs snap to the next line's start. */
  pmToCp(pos: number): number {
    const starts = this.lineStarts;
    const line = lastAtOrBefore(this.pmLineStarts, pos);
    const contentStart = this.pmLineStarts[line];
    const lineEnd = line + 1 < starts.length ? starts[line + 1] - 1 : this.text.length;
    const u = Math.min(Math.max(starts[line], starts[line] + (pos - contentStart)), lineEnd);
    return this.utf16ToCp(u);
  }

  private lineOfUtf16(u: number): number {
    return lastAtOrBefore(this.lineStarts, u);
  }

  private assertCp(cp: number) {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.length) {
      throw new RangeError(`code point offset ${cp} outside 0..${this.length}`);
    }
  }
}

function buildTables(text: string) {
  const length = codePointLength(text);
  let u16OfCp: Uint32Array | null = null;
  if (length !== text.length) {
    u16OfCp = new Uint32Array(length + 1);
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      u16OfCp[cp++] = i;
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
    u16OfCp[length] = text.length;
  }
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const pmLineStarts = lineStarts.map((u, line) => u + 1 + line);
  return { length, u16OfCp, lineStarts, pmLineStarts };
}
