/**
 * Places a span the model quoted on the chunk it read, or refuses it. Never a
 * guess: the quote must be in the chunk, and `occurrence` picks one of its
 * appearances by a fixed rule.
 *
 * - The quote is matched exactly (after NFC, the form of every canonical
 *   text), at every position where it starts (overlaps included). Only when
 *   it does not occur at all is it matched loosely, each run of whitespace in
 *   it standing for any run of whitespace (models turn line breaks and
 *   no-break spaces into plain spaces).
 * - Appearances are counted among the whole-word ones (not starting or ending
 *   inside a word: "IS" in "ISIS and IS" is the second word, not the start of
 *   "ISIS") when there are any, else among all of them. Scripts written
 *   without spaces (Han, kana, Thai…) have no words to be inside of.
 * - Whitespace at either end of a located span is left out.
 */
import type { ReplySpan } from "./reply";

export const REFUSALS = ["label", "empty", "not-in-text", "occurrence"] as const;
/** label: not one of the given names; empty: no text but whitespace; not-in-text: the quote is not in the chunk; occurrence: fewer appearances than it says */
export type Refusal = (typeof REFUSALS)[number];

/** UTF-16 offsets in the chunk, end exclusive. */
export type Located = { ok: true; start: number; end: number } | { ok: false; refusal: Refusal };

type Range = { start: number; end: number };

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function locateSpan(chunk: string, span: ReplySpan, labelNames: ReadonlySet<string>): Located {
  if (!labelNames.has(span.label)) return { ok: false, refusal: "label" };
  const quote = span.text.normalize("NFC");
  if (!/\S/.test(quote)) return { ok: false, refusal: "empty" };
  if (LONE_SURROGATE.test(quote)) return { ok: false, refusal: "not-in-text" };
  const n = span.occurrence;
  if (!Number.isInteger(n) || n < 1) return { ok: false, refusal: "occurrence" };

  let found = exactAppearances(chunk, quote);
  if (!found.length) found = looseAppearances(chunk, quote);
  if (!found.length) return { ok: false, refusal: "not-in-text" };
  const whole = found.filter((r) => isWholeWords(chunk, r));
  const pool = whole.length ? whole : found;
  if (n > pool.length) return { ok: false, refusal: "occurrence" };
  return { ok: true, ...trimWhitespace(chunk, pool[n - 1]) };
}

function exactAppearances(chunk: string, quote: string): Range[] {
  const out: Range[] = [];
  for (let at = chunk.indexOf(quote); at !== -1; at = chunk.indexOf(quote, at + 1)) out.push({ start: at, end: at + quote.length });
  return out;
}

function looseAppearances(chunk: string, quote: string): Range[] {
  const re = new RegExp(quote.trim().split(/\s+/).map(escapeRegExp).join("\\s+"), "g");
  const out: Range[] = [];
  for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    re.lastIndex = m.index + 1;
  }
  return out;
}

const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;
const isWordChar = (c: string) => c !== "" && WORD.test(c) && !UNSPACED.test(c);

/** Neither end of the range falls between two word characters. */
function isWholeWords(s: string, r: Range): boolean {
  const first = codePointAt(s, r.start);
  const last = codePointBefore(s, r.end);
  if (isWordChar(first) && isWordChar(codePointBefore(s, r.start))) return false;
  if (isWordChar(last) && isWordChar(codePointAt(s, r.end))) return false;
  return true;
}

const codePointAt = (s: string, u: number) => (u < s.length ? String.fromCodePoint(s.codePointAt(u)!) : "");

function codePointBefore(s: string, u: number): string {
  if (u <= 0) return "";
  const low = s.charCodeAt(u - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && u >= 2 && /[\ud800-\udbff]/.test(s[u - 2]);
  return s.slice(pair ? u - 2 : u - 1, u);
}

function trimWhitespace(chunk: string, { start, end }: Range): Range {
  while (start < end && /\s/.test(chunk[start])) start++;
  while (end > start && /\s/.test(chunk[end - 1])) end--;
  return { start, end };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
