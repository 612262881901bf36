/**
 * One document's share of the agreement figures, as named counts ("cells")
 * that add up across documents: the figures of a set of documents come from
 * the sums of their cells (agreement-tally.ts). This is what the database
 * keeps per document and per project (lib/agreement/stored), so a change to
 * one document costs one document's work.
 *
 * Cells are keyed by a JSON array, its first element the kind:
 * - ["docs", m], ["words", m]: compared documents with m coders, and their words
 * - ["any", v1, n1, v2, n2, …]: words on which n1 coders gave any-label value v1, n2 gave v2 … (values sorted)
 * - ["label", L, m, j]: words that j ≥ 1 of m coders marked with label L (j = 0 is the rest of the words)
 * - ["pairdocs", A, B], ["pairwords", A, B]: documents and words coders A < B share
 * - ["pairany", A, B, a, b]: shared words to which A gave any-label value a and B gave b
 * - ["pairlabel", A, B, L, a, b]: shared words A marked (a = 1) or not (0) with L, B likewise; (0, 0) is the rest
 * - ["span", A, B, L, what]: A's spans with label L ("reference"), B's ("candidate"), matched one-to-one ("exact", "overlap")
 * Labels appear only in cells of documents whose spans use them.
 */
import { spanF1, type SpanMatch } from "./span-f1";
import type { Range } from "@/lib/text/words";
import { coveredWords, documentWords, wordLabels, type LabeledSpan } from "./token-units";

export type Cells = Map<string, number>;
export type CellKey = (string | number)[];

export const cellKey = (parts: CellKey): string => JSON.stringify(parts);
export const parseCellKey = (key: string): CellKey => JSON.parse(key) as CellKey;

/** Adds `n` to a cell (a zero sum removes it). */
export function addCell(cells: Cells, key: string, n: number): void {
  if (n === 0) return;
  const sum = (cells.get(key) ?? 0) + n;
  if (sum === 0) cells.delete(key);
  else cells.set(key, sum);
}

/** Adds every cell of `from` (times `sign`) into `into`. */
export function addCells(into: Cells, from: Iterable<readonly [string, number]>, sign = 1): Cells {
  for (const [key, n] of from) addCell(into, key, sign * n);
  return into;
}

const MATCHES: readonly SpanMatch[] = ["exact", "overlap"];

/** Counts keyed by a tuple, collected under a cheap string key and turned into cell keys once. */
class TupleCounts {
  private readonly counts = new Map<string, { parts: CellKey; n: number }>();
  add(parts: CellKey, n = 1) {
    const k = parts.join("\u0000");
    const known = this.counts.get(k);
    if (known) known.n += n;
    else this.counts.set(k, { parts, n });
  }
  into(cells: Cells) {
    for (const { parts, n } of this.counts.values()) addCell(cells, cellKey(parts), n);
  }
}

/**
 * The agreement cells of one document: its text and each coder's spans on
 * it (coders without a layer left out). Fewer than two coders: no cells.
 * `words`: the text's words when the caller has them already.
 */
export function agreementCells(text: string, layers: ReadonlyMap<string, readonly LabeledSpan[]>, out: Cells = new Map(), words: readonly Range[] = []): Cells {
  const coders = [...layers.keys()].sort();
  if (coders.length < 2) return out;
  const m = coders.length;
  const spans = coders.map((c) => layers.get(c) ?? []);
  const labels = [...new Set(spans.flatMap((list) => list.map((s) => s.label)))].sort();
  if (words.length === 0) words = documentWords(text);
  const counts = new TupleCounts();
  counts.add(["docs", m]);
  counts.add(["words", m], words.length);

  const anyLabel = spans.map((list) => wordLabels(words, list));
  for (let w = 0; w < words.length; w++) {
    const perValue = new Map<string, number>();
    for (const values of anyLabel) perValue.set(values[w], (perValue.get(values[w]) ?? 0) + 1);
    counts.add(["any", ...[...perValue].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flat()]);
  }

  const covered = new Map(
    labels.map((label) => [
      label,
      spans.map((list) =>
        coveredWords(
          words,
          list.filter((s) => s.label === label),
        ),
      ),
    ]),
  );
  for (const [label, perCoder] of covered) {
    for (let w = 0; w < words.length; w++) {
      let marked = 0;
      for (const c of perCoder) marked += c[w];
      if (marked > 0) counts.add(["label", label, m, marked]);
    }
  }

  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const [a, b] = [coders[i], coders[j]];
      counts.add(["pairdocs", a, b]);
      counts.add(["pairwords", a, b], words.length);
      for (let w = 0; w < words.length; w++) counts.add(["pairany", a, b, anyLabel[i][w], anyLabel[j][w]]);
      for (const [label, perCoder] of covered) {
        const cells = [0, 0, 0, 0];
        for (let w = 0; w < words.length; w++) cells[perCoder[i][w] * 2 + perCoder[j][w]]++;
        for (let cell = 1; cell < 4; cell++) counts.add(["pairlabel", a, b, label, cell >> 1, cell & 1], cells[cell]);
      }
      for (const match of MATCHES) {
        for (const [label, scores] of Object.entries(spanF1(spans[i], spans[j], { match }).perLabel)) {
          counts.add(["span", a, b, label, match], scores.matched);
          if (match === "exact") {
            counts.add(["span", a, b, label, "reference"], scores.reference);
            counts.add(["span", a, b, label, "candidate"], scores.candidate);
          }
        }
      }
    }
  }
  counts.into(out);
  return out;
}
