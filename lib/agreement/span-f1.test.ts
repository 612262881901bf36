import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { spanF1, type Span } from "./span-f1";
import { maximumMatching } from "./bipartite-matching";

describe("spanF1 against a published example", () => {
  // chakki-works/seqeval README ("Behold, the power of seqeval"): tokens
  //   true: O O O B-MISC I-MISC I-MISC O B-PER I-PER
  //   pred: O O B-MISC I-MISC I-MISC I-MISC O B-PER I-PER
  // f1_score = 0.50; per type MISC 0.00 / PER 1.00 (support 1 each).
  // As token spans: MISC 3..6 vs 2..6, PER 7..9 in both.
  const truth: Span[] = [
    { start: 3, end: 6, label: "MISC" },
    { start: 7, end: 9, label: "PER" },
  ];
  const predicted: Span[] = [
    { start: 2, end: 6, label: "MISC" },
    { start: 7, end: 9, label: "PER" },
  ];

  it("exact match gives the CoNLL/seqeval figures", () => {
    const r = spanF1(truth, predicted, { match: "exact" });
    expect(r).toMatchObject({ matched: 1, reference: 2, candidate: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(r.perLabel.MISC).toMatchObject({ matched: 0, precision: 0, recall: 0, f1: 0 });
    expect(r.perLabel.PER).toMatchObject({ matched: 1, precision: 1, recall: 1, f1: 1 });
  });

  it("overlap match credits the MISC span that starts one token early", () => {
    const r = spanF1(truth, predicted, { match: "overlap" });
    expect(r).toMatchObject({ matched: 2, f1: 1 });
    expect(r.perLabel.MISC.f1).toBe(1);
  });
});

describe("spanF1 rules", () => {
  it("pairs spans one-to-one: two candidates inside one reference span match it once", () => {
    const r = spanF1(
      [{ start: 0, end: 10, label: "ORG" }],
      [
        { start: 0, end: 4, label: "ORG" },
        { start: 5, end: 10, label: "ORG" },
      ],
      { match: "overlap" },
    );
    expect(r).toMatchObject({ matched: 1, reference: 1, candidate: 2, precision: 0.5, recall: 1 });
    expect(r.f1).toBeCloseTo(2 / 3, 12);
  });

  it("finds the largest pairing, whatever the order of spans", () => {
    // A greedy pairing of ref 0..10 with cand 0..3 would leave ref 2..4 unpaired.
    const ref: Span[] = [
      { start: 0, end: 10, label: "X" },
      { start: 2, end: 4, label: "X" },
    ];
    const cand: Span[] = [
      { start: 0, end: 3, label: "X" },
      { start: 8, end: 12, label: "X" },
    ];
    expect(spanF1(ref, cand, { match: "overlap" }).matched).toBe(2);
  });

  it("needs the same label, and adjacent spans do not overlap", () => {
    expect(spanF1([{ start: 0, end: 5, label: "PERSON" }], [{ start: 0, end: 5, label: "ORG" }], { match: "overlap" }).matched).toBe(0);
    expect(spanF1([{ start: 0, end: 5, label: "X" }], [{ start: 5, end: 9, label: "X" }], { match: "overlap" }).matched).toBe(0);
  });

  it("is NaN where a ratio has nothing under it", () => {
    const empty = spanF1([], [], { match: "exact" });
    expect(empty).toMatchObject({ matched: 0, reference: 0, candidate: 0, perLabel: {} });
    expect(empty.f1).toBeNaN();
    const noCandidate = spanF1([{ start: 0, end: 1, label: "X" }], [], { match: "exact" });
    expect(noCandidate.precision).toBeNaN();
    expect(noCandidate).toMatchObject({ recall: 0, f1: 0 });
  });

  it("throws clear errors for bad spans and unknown match modes", () => {
    expect(() => spanF1([{ start: 3, end: 3, label: "X" }], [], { match: "exact" })).toThrow(/0 ≤ start < end; got 3..3/);
    expect(() => spanF1([], [], { match: "fuzzy" as "exact" })).toThrow(/Unknown span match "fuzzy"/);
  });
});

const span = fc
  .record({
    start: fc.integer({ min: 0, max: 40 }),
    length: fc.integer({ min: 1, max: 8 }),
    label: fc.constantFrom("PERSON", "ORG", "GPE"),
  })
  .map(({ start, length, label }) => ({ start, end: start + length, label }));
const layer = fc.array(span, { maxLength: 12 });

describe("spanF1 properties", () => {
  it("F1 is symmetric, precision one way is recall the other, and exact never beats overlap", () => {
    fc.assert(
      fc.property(layer, layer, (a, b) => {
        for (const match of ["exact", "overlap"] as const) {
          const ab = spanF1(a, b, { match });
          const ba = spanF1(b, a, { match });
          expect(ba.matched).toBe(ab.matched);
          expect(Object.is(ab.f1, ba.f1) || ab.f1 === ba.f1).toBe(true);
          expect(Object.is(ab.precision, ba.recall)).toBe(true);
        }
        const exact = spanF1(a, b, { match: "exact" });
        const overlap = spanF1(a, b, { match: "overlap" });
        expect(exact.matched).toBeLessThanOrEqual(overlap.matched);
        if (a.length + b.length > 0) expect(exact.f1).toBeLessThanOrEqual(overlap.f1);
      }),
    );
  });

  it("is 1 for identical non-empty layers, in any order", () => {
    fc.assert(
      fc.property(
        layer.filter((l) => l.length > 0),
        (a) => {
          for (const match of ["exact", "overlap"] as const) {
            const r = spanF1(a, [...a].reverse(), { match });
            expect(r).toMatchObject({ precision: 1, recall: 1, f1: 1 });
          }
        },
      ),
    );
  });

  it("the matching is as large as a brute-force search finds", () => {
    const graph = fc
      .integer({ min: 0, max: 5 })
      .chain((right) =>
        fc
          .array(fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, right - 1) }), { maxLength: right }), { maxLength: 5 })
          .map((adj) => ({ right, adj: right === 0 ? adj.map(() => []) : adj })),
      );
    fc.assert(
      fc.property(graph, ({ right, adj }) => {
        expect(maximumMatching(adj, right)).toBe(bruteForceMatching(adj, 0, new Set()));
      }),
    );
  });
});

function bruteForceMatching(adj: number[][], u: number, used: Set<number>): number {
  if (u === adj.length) return 0;
  let best = bruteForceMatching(adj, u + 1, used);
  for (const v of adj[u]) {
    if (used.has(v)) continue;
    used.add(v);
    best = Math.max(best, 1 + bruteForceMatching(adj, u + 1, used));
    used.delete(v);
  }
  return best;
}
