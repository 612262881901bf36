import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stackDepths } from "./layout-spans";

describe("stackDepths", () => {
  it("gives nested and overlapping spans distinct depths", () => {
    const outer = { start: 0, end: 10 };
    const inner = { start: 2, end: 5 };
    const after = { start: 10, end: 12 };
    const d = stackDepths([inner, outer, after]);
    expect(d.get(outer)).toBe(0);
    expect(d.get(inner)).toBe(1);
    expect(d.get(after)).toBe(0);
  });
  it("never gives two overlapping spans the same depth", () => {
    const span = fc.tuple(fc.nat(50), fc.integer({ min: 1, max: 20 })).map(([s, l]) => ({ start: s, end: s + l }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), (spans) => {
        const d = stackDepths(spans);
        for (const a of spans) for (const b of spans) if (a !== b && a.start < b.end && b.start < a.end) expect(d.get(a)).not.toBe(d.get(b));
      }),
    );
  });
});
