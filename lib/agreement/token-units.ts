/**
 * Spans as reliability data: a document's words are the units, and a
 * coder's value for a word says whether (or with which label) they marked it.
 *
 * A word counts as marked by a span when the two share at least one code
 * point. The workbench snaps selections to whole words, so for its spans this
 * is the same as "the word lies inside the span"; for spans posted through
 * the API that cut a word, the cut word still counts, so no span vanishes
 * from the units. Offsets are code points (lib/text/offsets.ts).
 */
import { TextIndex } from "@/lib/text/offsets";
import { firstEndingAfter, wordRanges, type Range } from "@/lib/text/words";

export type LabeledSpan = { start: number; end: number; label: string };
/** One coder's spans on a document, or null when the coder has no layer there (their values are missing). */
export type CoderLayer = readonly LabeledSpan[] | null;

/** The value of a word no span covers, in the any-label view. */
export const OUTSIDE = "O";

/** The units of a document: its words (lib/text/words.ts), as code point ranges in text order. */
export function documentWords(text: string, chunk?: number): Range[] {
  return wordRanges(new TextIndex(text), chunk);
}

/** Per word: 1 if one of the spans overlaps it, else 0. `words` are sorted and disjoint. */
export function coveredWords(words: readonly Range[], spans: readonly { start: number; end: number }[]): Uint8Array {
  const covered = new Uint8Array(words.length);
  for (const s of spans) {
    for (let w = firstEndingAfter(words, s.start); w < words.length && words[w].start < s.end; w++) covered[w] = 1;
  }
  return covered;
}

/** Coders × words: 1 where the coder marked the word with `label`, 0 where not, null for coders without a layer. */
export function labelUnits(words: readonly Range[], layers: readonly CoderLayer[], label: string): (0 | 1 | null)[][] {
  return layers.map((spans) => {
    if (!spans) return words.map(() => null);
    const covered = coveredWords(
      words,
      spans.filter((s) => s.label === label),
    );
    return Array.from(covered, (c) => (c ? 1 : 0));
  });
}

/**
 * Coders × words: the label of the span covering the word, OUTSIDE where
 * none does, null for coders without a layer. Where spans nest or overlap the
 * shortest (most specific) one wins; between equally long ones the label
 * first in alphabetical order.
 */
export function anyLabelUnits(words: readonly Range[], layers: readonly CoderLayer[]): (string | null)[][] {
  return layers.map((spans) => (spans ? wordLabels(words, spans) : words.map(() => null)));
}

/** One coder's any-label values for the words. */
export function wordLabels(words: readonly Range[], spans: readonly LabeledSpan[]): string[] {
  const out = words.map(() => OUTSIDE);
  // Paint longest first, so shorter spans painted later win.
  const order = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || (a.label < b.label ? 1 : a.label > b.label ? -1 : 0));
  for (const s of order) {
    for (let w = firstEndingAfter(words, s.start); w < words.length && words[w].start < s.end; w++) out[w] = s.label;
  }
  return out;
}
