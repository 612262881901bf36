import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { groupCandidates, meetsThreshold, type ReviewLayerSpans } from "./candidates";

const span = (id: string, start: number, end: number, label: string) => ({ id, start, end, label, text: "x", reviewState: "PENDING" });

describe("review candidates", () => {
  it("groups identical spans across layers and marks agreement", () => {
    const layers: ReviewLayerSpans[] = [
      { layerId: "A", annotations: [span("a1", 0, 5, "PERSON"), span("a2", 10, 14, "GPE")] },
      { layerId: "B", annotations: [span("b1", 0, 5, "PERSON"), span("b2", 10, 14, "ORG"), span("b3", 10, 14, "ORG")] },
    ];
    const list = groupCandidates(layers, [{ id: "g1", start: 0, end: 5, label: "PERSON" }]);
    expect(list.map((c) => [c.key, c.support.map((s) => s.layerId).join(""), c.agreed, c.goldId])).toEqual([
      ["0:5:PERSON", "AB", true, "g1"],
      ["10:14:GPE", "A", false, null],
      ["10:14:ORG", "B", false, null],
    ]);
  });

  it("marks a disagreement overruled once gold holds its span with another label", () => {
    const layers: ReviewLayerSpans[] = [
      { layerId: "A", annotations: [span("a1", 10, 14, "PERSON")] },
      { layerId: "B", annotations: [span("b1", 10, 14, "ORG"), span("b2", 20, 24, "GPE")] },
    ];
    const list = groupCandidates(layers, [{ id: "g1", start: 10, end: 14, label: "PERSON" }]);
    expect(list.map((c) => [c.key, c.goldId, c.overruled])).toEqual([
      ["10:14:ORG", null, true],
      ["10:14:PERSON", "g1", false],
      ["20:24:GPE", null, false],
    ]);
  });

  it("applies unanimous and majority thresholds", () => {
    expect(meetsThreshold(3, 3, "unanimous")).toBe(true);
    expect(meetsThreshold(2, 3, "unanimous")).toBe(false);
    expect(meetsThreshold(2, 3, "majority")).toBe(true);
    expect(meetsThreshold(1, 2, "majority")).toBe(false);
    expect(meetsThreshold(0, 0, "majority")).toBe(false);
  });

  it("counts each layer at most once per candidate and never loses a span", () => {
    const layerArb = fc.array(fc.tuple(fc.nat(20), fc.integer({ min: 1, max: 5 }), fc.constantFrom("PERSON", "ORG")), { maxLength: 12 });
    fc.assert(
      fc.property(fc.array(layerArb, { minLength: 1, maxLength: 4 }), (raw) => {
        const layers = raw.map((spans, i) => ({ layerId: `L${i}`, annotations: spans.map(([s, len, label], j) => span(`${i}-${j}`, s, s + len, label)) }));
        const list = groupCandidates(layers, []);
        for (const c of list) {
          expect(new Set(c.support.map((s) => s.layerId)).size).toBe(c.support.length);
          expect(c.agreed).toBe(c.support.length === layers.length);
        }
        const distinct = new Set(layers.flatMap((l) => l.annotations.map((a) => `${a.start}:${a.end}:${a.label}`)));
        expect(list.length).toBe(distinct.size);
      }),
    );
  });
});
