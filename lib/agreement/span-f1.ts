/**
 * Span-level precision, recall and F1 between two layers, as in NER
 * evaluation (CoNLL-style exact match) and its relaxed "overlap" variant.
 *
 * Spans pair one-to-one and only with the same label. Exact: same start and
 * end. Overlap: the spans share at least one code point; among many possible
 * pairings the largest one counts (a maximum bipartite matching), so the
 * result does not depend on the order of the spans and F1 is symmetric.
 *
 * precision = matched / candidate spans, recall = matched / reference spans,
 * F1 = 2·matched / (reference + candidate). Each is NaN when its denominator
 * is 0 (precision of an empty candidate, F1 of two empty layers).
 */

import { maximumMatching } from "./bipartite-matching";

export type Span = { start: number; end: number; label: string };
export type SpanMatch = "exact" | "overlap";
export type SpanCounts = { matched: number; reference: number; candidate: number };
export type SpanScores = SpanCounts & { precision: number; recall: number; f1: number };
export type SpanF1Result = SpanScores & { perLabel: Record<string, SpanScores> };

export function spanScores(counts: SpanCounts): SpanScores {
  const { matched, reference, candidate } = counts;
  return {
    matched,
    reference,
    candidate,
    precision: candidate === 0 ? NaN : matched / candidate,
    recall: reference === 0 ? NaN : matched / reference,
    f1: reference + candidate === 0 ? NaN : (2 * matched) / (reference + candidate),
  };
}

export const addSpanCounts = (a: SpanCounts, b: SpanCounts): SpanCounts => ({
  matched: a.matched + b.matched,
  reference: a.reference + b.reference,
  candidate: a.candidate + b.candidate,
});

export const NO_SPANS: SpanCounts = { matched: 0, reference: 0, candidate: 0 };

export function spanF1(reference: readonly Span[], candidate: readonly Span[], options: { match: SpanMatch }): SpanF1Result {
  const { match } = options;
  if (match !== "exact" && match !== "overlap") throw new Error(`Unknown span match ${JSON.stringify(match)}; use "exact" or "overlap"`);
  const ref = byLabel(reference, "reference");
  const cand = byLabel(candidate, "candidate");
  const labels = [...new Set([...ref.keys(), ...cand.keys()])].sort();
  let total = NO_SPANS;
  const perLabel: [string, SpanScores][] = [];
  for (const label of labels) {
    const r = ref.get(label) ?? [];
    const c = cand.get(label) ?? [];
    const counts = { matched: match === "exact" ? exactMatches(r, c) : overlapMatches(r, c), reference: r.length, candidate: c.length };
    perLabel.push([label, spanScores(counts)]);
    total = addSpanCounts(total, counts);
  }
  return { ...spanScores(total), perLabel: Object.fromEntries(perLabel) };
}

function byLabel(spans: readonly Span[], side: string): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  for (const s of spans) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.start >= s.end) {
      throw new Error(`A ${side} span needs whole-number offsets with 0 ≤ start < end; got ${s.start}..${s.end}`);
    }
    if (typeof s.label !== "string") throw new Error(`A ${side} span needs a label`);
    const list = out.get(s.label);
    if (list) list.push(s);
    else out.set(s.label, [s]);
  }
  return out;
}

/** One-to-one exact matches: the size of the multiset intersection of (start, end). */
function exactMatches(ref: readonly Span[], cand: readonly Span[]): number {
  const waiting = new Map<string, number>();
  for (const s of ref) waiting.set(`${s.start}:${s.end}`, (waiting.get(`${s.start}:${s.end}`) ?? 0) + 1);
  let matched = 0;
  for (const s of cand) {
    const key = `${s.start}:${s.end}`;
    const n = waiting.get(key) ?? 0;
    if (n > 0) {
      waiting.set(key, n - 1);
      matched++;
    }
  }
  return matched;
}

/** Size of a maximum matching between overlapping spans (augmenting paths, Kuhn's algorithm). */
function overlapMatches(ref: readonly Span[], cand: readonly Span[]): number {
  const sorted = [...cand].sort((a, b) => a.start - b.start);
  const adjacency = ref.map((r) => {
    const out: number[] = [];
    for (let j = 0; j < sorted.length && sorted[j].start < r.end; j++) if (sorted[j].end > r.start) out.push(j);
    return out;
  });
  return maximumMatching(adjacency, sorted.length);
}
