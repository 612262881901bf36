import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { krippendorffAlpha, krippendorffAlphaDetail } from "./krippendorff-alpha";
import type { Level } from "./levels";

const _ = null;

/**
 * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
 * Annenberg School for Communication, University of Pennsylvania,
 * https://repository.upenn.edu/asc_papers/43 — section C, "Nominal data, any
 * number of observers, missing data": 4 observers × 12 units, with alpha
 * reported for every level. The same figures came out of an independent check
 * (the pairwise form of alpha, exact fractions, in Python) before this test
 * was written.
 */
const KRIPPENDORFF_2011_C = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

describe("krippendorffAlpha against published worked examples", () => {
  it.each([
    ["nominal", 0.743],
    ["ordinal", 0.815],
    ["interval", 0.849],
    ["ratio", 0.797],
  ] as const)("Krippendorff (2011) section C, %s level: α ≈ %s", (level, published) => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011_C, level)).toBeCloseTo(published, 3);
  });

  it("drops the unit with a single value (unit 12) and counts the pairable values (n = 40 in the paper)", () => {
    expect(krippendorffAlphaDetail(KRIPPENDORFF_2011_C, "nominal")).toMatchObject({ units: 11, pairableValues: 40 });
  });

  it("Krippendorff (2011) section A, binary data, two observers, no missing data: α = 0.095", () => {
    const data = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    expect(krippendorffAlpha(data, "nominal")).toBeCloseTo(0.095, 3);
  });

  it("Krippendorff (2011) section B, nominal data, two observers, no missing data: α = 0.692", () => {
    const data = ["aabbdcccedda".split(""), "babbbccceddd".split("")];
    expect(krippendorffAlpha(data, "nominal")).toBeCloseTo(0.692, 3);
  });

  it("3 coders × 15 units with missing data, figures of Hayes's KALPHA SPSS macro as quoted in alexschlegel/matlab_lib statistics/kriAlpha.m", () => {
    const data = [
      [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
      [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
      [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
    ];
    expect(krippendorffAlpha(data, "nominal")).toBeCloseTo(0.6914, 4);
    expect(krippendorffAlpha(data, "ordinal")).toBeCloseTo(0.8067, 4);
    expect(krippendorffAlpha(data, "interval")).toBeCloseTo(0.8108, 4);
  });
});

describe("krippendorffAlpha in degenerate cases", () => {
  it("is NaN (undefined) when the pairable values show no variation, even with perfect agreement", () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1, 1],
          [1, 1, 1],
        ],
        "nominal",
      ),
    ).toBeNaN();
    expect(
      krippendorffAlpha(
        [
          [2, 2, _],
          [2, 2, 7],
        ],
        "interval",
      ),
    ).toBeNaN(); // the 7 has no partner
  });

  it("is NaN when no unit has two values", () => {
    expect(
      krippendorffAlphaDetail(
        [
          [1, _, 3],
          [_, 2, _],
        ],
        "nominal",
      ),
    ).toEqual({ alpha: NaN, units: 0, pairableValues: 0 });
    expect(krippendorffAlpha([], "nominal")).toBeNaN();
    expect(krippendorffAlpha([[1, 2, 3]], "nominal")).toBeNaN();
  });

  it("is 1 for perfect agreement with variation, and below 0 for systematic disagreement", () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2, 3],
          [1, 2, 3],
        ],
        "ordinal",
      ),
    ).toBe(1);
    // Two units, opposite values: observed disagreement exceeds what chance gives.
    expect(
      krippendorffAlpha(
        [
          ["a", "b"],
          ["b", "a"],
        ],
        "nominal",
      ),
    ).toBeCloseTo(-0.5, 10);
  });

  it("throws a clear error for unequal coder lengths, unknown levels and values the level cannot use", () => {
    expect(() => krippendorffAlpha([[1, 2], [1]], "nominal")).toThrow(/one value per unit: coder 0 has 2 values, coder 1 has 1/);
    expect(() => krippendorffAlpha([[1], [1]], "cardinal" as Level)).toThrow(/Unknown level of measurement "cardinal"/);
    expect(() =>
      krippendorffAlpha(
        [
          ["a", "b"],
          ["a", "c"],
        ],
        "interval",
      ),
    ).toThrow(/needs finite numbers/);
    expect(() =>
      krippendorffAlpha(
        [
          [-1, 2],
          [1, 2],
        ],
        "ratio",
      ),
    ).toThrow(/never negative/);
    expect(() =>
      krippendorffAlpha(
        [
          [NaN, 2],
          [1, 2],
        ],
        "nominal",
      ),
    ).toThrow(/NaN/);
  });
});

/** Scott's pi, written out from its definition (Scott 1955) as an independent check. */
function scottsPi(a: string[], b: string[]): number {
  const n = a.length;
  const observed = a.filter((v, i) => v === b[i]).length / n;
  const joint = new Map<string, number>();
  for (const v of [...a, ...b]) joint.set(v, (joint.get(v) ?? 0) + 1);
  let expected = 0;
  for (const count of joint.values()) expected += (count / (2 * n)) ** 2;
  return (observed - expected) / (1 - expected);
}

const codes = fc.constantFrom("PER", "ORG", "GPE", "O");

describe("krippendorffAlpha properties", () => {
  it("with two coders, nominal data and nothing missing, is Scott's pi corrected for sample size: α = π + (1 − π)/2n", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(codes, codes), { minLength: 1, maxLength: 60 }), (pairs) => {
        const a = pairs.map((p) => p[0]);
        const b = pairs.map((p) => p[1]);
        const pi = scottsPi(a, b);
        const alpha = krippendorffAlpha([a, b], "nominal");
        if (!Number.isFinite(pi)) {
          expect(alpha).toBeNaN();
          return;
        }
        expect(alpha).toBeCloseTo(pi + (1 - pi) / (2 * a.length), 9);
        expect(Math.abs(alpha - pi)).toBeLessThanOrEqual((1 - pi) / (2 * a.length) + 1e-12);
      }),
    );
  });

  it("does not depend on the order of coders or of units, and never exceeds 1", () => {
    const value = fc.option(fc.integer({ min: 0, max: 4 }), { nil: null });
    const data = fc
      .integer({ min: 1, max: 12 })
      .chain((units) => fc.array(fc.array(value, { minLength: units, maxLength: units }), { minLength: 2, maxLength: 5 }));
    fc.assert(
      fc.property(data, fc.constantFrom<Level>("nominal", "ordinal", "interval", "ratio"), (coders, level) => {
        const alpha = krippendorffAlpha(coders, level);
        const reversedCoders = krippendorffAlpha([...coders].reverse(), level);
        const reversedUnits = krippendorffAlpha(
          coders.map((c) => [...c].reverse()),
          level,
        );
        if (Number.isNaN(alpha)) {
          expect(reversedCoders).toBeNaN();
          return;
        }
        expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
        expect(reversedCoders).toBeCloseTo(alpha, 9);
        expect(reversedUnits).toBeCloseTo(alpha, 9);
      }),
    );
  });
});
