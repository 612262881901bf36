/**
 * Turns hand-made mention lists into gold spans. A list names every mention
 * of a document in reading order, as [text, label]; each is bound to the
 * next whole-word occurrence of its text after the previous mention, so
 * offsets are never typed by hand. `{ inWord: true }` allows a mention glued
 * to a neighbouring word by the source's damage ("StateJohn Kerry"). A space
 * in a listed text also finds a no-break space (the UPI copy has many).
 */
import { TextIndex } from "@/lib/text/offsets";

export type GoldMention = readonly [text: string, label: string] | readonly [text: string, label: string, options: { inWord: true }];
export type GoldSpan = { start: number; end: number; text: string; label: string };

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whole word: no letter or digit right before or after, where the mention itself begins or ends with one. */
export function isWholeWord(text: string, from: number, to: number): boolean {
  const before = text[from - 1] ?? " ";
  const after = text[to] ?? " ";
  const first = text[from];
  const last = text[to - 1];
  return !(WORD_CHAR.test(first) && WORD_CHAR.test(before)) && !(WORD_CHAR.test(last) && WORD_CHAR.test(after));
}

/** The text searched: no-break spaces as spaces (same length, so offsets carry over). */
const searchable = (text: string) => text.replace(/\u00a0/g, " ");

export function resolveMentions(text: string, mentions: readonly GoldMention[]): GoldSpan[] {
  const index = new TextIndex(text);
  const haystack = searchable(text);
  const spans: GoldSpan[] = [];
  let cursor = 0; // UTF-16
  for (const [needle, label, options] of mentions) {
    let at = haystack.indexOf(needle, cursor);
    while (at !== -1 && !options?.inWord && !isWholeWord(text, at, at + needle.length)) at = haystack.indexOf(needle, at + 1);
    if (at === -1) {
      const context = JSON.stringify(text.slice(cursor, cursor + 80));
      throw new Error(`Mention ${JSON.stringify(needle)} (${label}) not found after UTF-16 offset ${cursor} (${context}…)`);
    }
    const start = index.utf16ToCp(at);
    const end = index.utf16ToCp(at + needle.length);
    spans.push({ start, end, text: text.slice(at, at + needle.length), label });
    cursor = at + needle.length;
  }
  return spans;
}

/** Whole-word occurrences of the listed strings that no gold span covers: what a reviewer of the list looks at. */
export function unlistedOccurrences(text: string, mentions: readonly GoldMention[], spans: readonly GoldSpan[]): { text: string; start: number }[] {
  const index = new TextIndex(text);
  const haystack = searchable(text);
  const covered = (s: number, e: number) => spans.some((g) => g.start <= s && e <= g.end);
  const out: { text: string; start: number }[] = [];
  for (const needle of new Set(mentions.map((m) => m[0]))) {
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
      if (!isWholeWord(text, at, at + needle.length)) continue;
      const s = index.utf16ToCp(at);
      if (!covered(s, index.utf16ToCp(at + needle.length))) out.push({ text: needle, start: s });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
