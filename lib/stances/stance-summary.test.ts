import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { polarityShares, summarizeStances, type StanceItem } from "./stance-summary";
import { CreateStanceInput, POLARITIES, UpdateStanceInput } from "./stance-input";

const T1 = { id: "t1", text: "the four-country intelligence cell" };
const T2 = { id: "t2", text: "Assad staying in power" };
const kerry = { id: "h1", name: "John Kerry", type: "PERSON" };
const lavrov = { id: "h2", name: "Sergei Lavrov", type: "PERSON" };

const item = (over: Partial<StanceItem>): StanceItem => ({
  id: Math.random().toString(36).slice(2),
  target: T1,
  holder: kerry,
  polarity: "AGAINST",
  confidence: 0.5,
  documentLevel: false,
  document: { id: "d1", title: "Doc" },
  layer: "Ana",
  evidence: [],
  ...over,
});

describe("summarizeStances", () => {
  it("groups by target and holder with polarity counts and mean confidence", () => {
    const s = summarizeStances(
      [T1, T2],
      [item({ confidence: 0.8 }), item({ confidence: 0.6, polarity: "AGAINST" }), item({ holder: lavrov, polarity: "FAVOR", confidence: 0.9 })],
    );
    expect(s.map((t) => [t.target.text, t.total])).toEqual([
      [T1.text, 3],
      [T2.text, 0],
    ]);
    expect(s[0].counts).toEqual({ FAVOR: 1, AGAINST: 2, NEUTRAL: 0, UNCLEAR: 0 });
    expect(s[0].holders.map((h) => h.holder.name)).toEqual(["John Kerry", "Sergei Lavrov"]);
    expect(s[0].holders[0].meanConfidence).toBeCloseTo(0.7);
    expect(s[1].holders).toEqual([]);
  });

  it("keeps every stance exactly once, whatever the mix", () => {
    const arb = fc.array(
      fc.record({
        t: fc.constantFrom(T1, T2),
        h: fc.constantFrom(kerry, lavrov),
        p: fc.constantFrom(...POLARITIES),
        c: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const items = rows.map((r) => item({ target: r.t, holder: r.h, polarity: r.p, confidence: r.c }));
        const s = summarizeStances([T1, T2], items);
        expect(s.reduce((n, t) => n + t.total, 0)).toBe(items.length);
        for (const t of s) {
          expect(t.holders.reduce((n, h) => n + h.stances.length, 0)).toBe(t.total);
          for (const h of t.holders) {
            expect(POLARITIES.reduce((n, p) => n + h.counts[p], 0)).toBe(h.stances.length);
            expect(h.meanConfidence).toBeGreaterThanOrEqual(0);
            expect(h.meanConfidence).toBeLessThanOrEqual(1 + 1e-9);
          }
        }
      }),
    );
  });
});

describe("polarityShares", () => {
  it("sums to 100 percent when there are stances and to 0 when none", () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50), (a, b, c, d) => {
        const shares = polarityShares({ FAVOR: a, AGAINST: b, NEUTRAL: c, UNCLEAR: d });
        const sum = shares.reduce((n, s) => n + s.percent, 0);
        expect(sum).toBeCloseTo(a + b + c + d === 0 ? 0 : 100);
      }),
    );
  });
});

describe("stance input", () => {
  it("needs evidence unless document-level, confidence in 0..1, and dedupes evidence", () => {
    const base = { holderId: "h", targetId: "t", polarity: "FAVOR" };
    expect(CreateStanceInput.safeParse(base).success).toBe(false);
    expect(CreateStanceInput.parse({ ...base, documentLevel: true })).toMatchObject({ confidence: 0.5, evidence: [] });
    expect(CreateStanceInput.parse({ ...base, evidence: ["a", "a", "b"] }).evidence).toEqual(["a", "b"]);
    expect(CreateStanceInput.safeParse({ ...base, documentLevel: true, confidence: 1.01 }).success).toBe(false);
    expect(CreateStanceInput.safeParse({ ...base, documentLevel: true, polarity: "favor" }).success).toBe(false);
    expect(UpdateStanceInput.safeParse({ version: 1 }).success).toBe(false);
    expect(UpdateStanceInput.safeParse({ polarity: "NEUTRAL" }).success).toBe(false);
  });
});
