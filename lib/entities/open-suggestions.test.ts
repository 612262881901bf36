import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { openSuggestions } from "./open-suggestions";

const range = fc
  .tuple(fc.nat(60), fc.integer({ min: 1, max: 12 }), fc.constantFrom("e1", "e2", "e3"))
  .map(([start, len, entityId]) => ({ start, end: start + len, entityId }));

describe("openSuggestions", () => {
  it("keeps exactly the occurrences no same-entity span overlaps and nobody dismissed", () => {
    fc.assert(
      fc.property(
        fc.array(range, { maxLength: 30 }),
        fc.array(fc.option(range, { nil: null }), { maxLength: 30 }),
        fc.array(range, { maxLength: 10 }),
        (occ, layerOrNull, dismissed) => {
          const occurrences = occ.map((o) => ({ ...o, alias: "x", text: "x" }));
          const layer = layerOrNull.map((a, i) => a ?? { start: i, end: i + 3, entityId: null });
          const naive = occurrences.filter(
            (o) =>
              !layer.some((a) => a.entityId === o.entityId && a.start < o.end && o.start < a.end) &&
              !dismissed.some((d) => d.entityId === o.entityId && d.start === o.start && d.end === o.end),
          );
          expect(openSuggestions(occurrences, layer, dismissed)).toEqual(naive);
        },
      ),
      { numRuns: 500 },
    );
  });
});
