import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { splitOf, splitPlan, splitPoint } from "./dataset-split";

describe("dataset splits", () => {
  it("puts a document in the same split for the same seed, whatever else is exported", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 30 }), (seed, ids) => {
        const plan = splitPlan([80, 10, 10], seed);
        const first = ids.map((id) => splitOf(plan, id));
        const again = [...ids]
          .reverse()
          .map((id) => splitOf(splitPlan([8, 1, 1], seed), id))
          .reverse();
        expect(again).toEqual(first);
        for (const s of first) expect(["train", "dev", "test"]).toContain(s);
      }),
    );
  });

  it("is fixed across machines (a known digest)", () => {
    // the first 48 bits of sha256("7:doc-1"), as Python's hashlib computes them too
    expect(splitPoint("7", "doc-1")).toBe(0.7176577258037256);
    expect(splitPoint("7", "doc-1")).not.toBe(splitPoint("8", "doc-1"));
  });

  it("follows the shares within tolerance on many documents", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (seed, a, b) => {
        const plan = splitPlan([a, b, 10 - Math.min(a + b, 9)], String(seed));
        const n = 20_000;
        const counts = { train: 0, dev: 0, test: 0 };
        for (let i = 0; i < n; i++) counts[splitOf(plan, `c${i}x${seed}`)]++;
        expect(counts.train + counts.dev + counts.test).toBe(n);
        plan.names.forEach((name, i) => expect(Math.abs(counts[name] / n - plan.shares[i])).toBeLessThan(0.02));
      }),
      { numRuns: 10 },
    );
  });

  it("makes train/test from two shares and refuses bad ones", () => {
    const plan = splitPlan([90, 10], "s");
    const seen = new Set(Array.from({ length: 500 }, (_, i) => splitOf(plan, `d${i}`)));
    expect([...seen].sort()).toEqual(["test", "train"]);
    expect(() => splitPlan([100], "s")).toThrow();
    expect(() => splitPlan([50, 0, 50], "s")).toThrow();
  });
});
