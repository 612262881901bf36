import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cohenKappa } from "./cohen-kappa";

/** Two coders' yes/no answers for a 2 × 2 table given as [yes-yes, yes-no, no-yes, no-no]. */
function fromTable([yy, yn, ny, nn]: [number, number, number, number]) {
  const a: string[] = [];
  const b: string[] = [];
  const push = (n: number, x: string, y: string) => {
    for (let i = 0; i < n; i++) {
      a.push(x);
      b.push(y);
    }
  };
  push(yy, "yes", "yes");
  push(yn, "yes", "no");
  push(ny, "no", "yes");
  push(nn, "no", "no");
  return [a, b] as const;
}

describe("cohenKappa against published worked examples", () => {
  // Wikipedia, "Cohen's kappa", section "Simple example": 50 grant proposals read
  // by two readers: both yes 20, A yes B no 5, A no B yes 10, both no 15.
  // p_o = 0.7, p_e = 0.5, κ = 0.4.
  it("the 50-application example gives κ = 0.4", () => {
    const [a, b] = fromTable([20, 5, 10, 15]);
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 12);
  });

  // Wikipedia, "Cohen's kappa", section "Same percentages but different numbers":
  // two tables with the same 60% agreement give κ = 0.1304 and κ = 0.2593.
  it("same agreement, different marginals: κ = 0.1304 and 0.2593", () => {
    expect(cohenKappa(...fromTable([45, 15, 25, 15]))).toBeCloseTo(0.1304, 4);
    expect(cohenKappa(...fromTable([25, 35, 5, 35]))).toBeCloseTo(0.2593, 4);
  });
});

describe("cohenKappa edge cases", () => {
  it("leaves out units either coder did not code", () => {
    const [a, b] = fromTable([20, 5, 10, 15]);
    expect(cohenKappa([...a, null, "yes"], [...b, "no", undefined])).toBeCloseTo(0.4, 12);
  });

  it("is NaN when undefined: both coders used one and the same category, or no unit is coded by both", () => {
    expect(cohenKappa(["x", "x", "x"], ["x", "x", "x"])).toBeNaN();
    expect(cohenKappa([], [])).toBeNaN();
    expect(cohenKappa(["x", null], [null, "y"])).toBeNaN();
  });

  it("is 0 when one coder is constant but the other is not (agreement at chance level)", () => {
    expect(cohenKappa(["x", "x", "x", "x"], ["x", "y", "x", "y"])).toBe(0);
  });

  it("throws a clear error for unequal lengths", () => {
    expect(() => cohenKappa(["a", "b"], ["a"])).toThrow(/one label per unit from each coder: got 2 and 1/);
  });
});

const labels = fc.array(fc.tuple(fc.constantFrom("PER", "ORG", "GPE", "O"), fc.constantFrom("PER", "ORG", "GPE", "O")), { minLength: 1, maxLength: 80 });

describe("cohenKappa properties", () => {
  it("is symmetric and never above 1", () => {
    fc.assert(
      fc.property(labels, (pairs) => {
        const a = pairs.map((p) => p[0]);
        const b = pairs.map((p) => p[1]);
        const k = cohenKappa(a, b);
        const reversed = cohenKappa(b, a);
        if (Number.isNaN(k)) {
          expect(reversed).toBeNaN();
          return;
        }
        expect(reversed).toBe(k);
        expect(k).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("is exactly 1 for identical sequences that use at least two categories", () => {
    fc.assert(
      fc.property(labels, (pairs) => {
        const a = pairs.map((p) => p[0]);
        fc.pre(new Set(a).size >= 2);
        expect(cohenKappa(a, [...a])).toBe(1);
      }),
    );
  });
});
