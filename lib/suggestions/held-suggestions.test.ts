import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { heldSuggestionIds } from "./held-suggestions";

const LABELS = ["PERSON", "ORG", "GPE"];
const span = fc
  .record({ start: fc.nat({ max: 40 }), length: fc.integer({ min: 1, max: 6 }), label: fc.constantFrom(...LABELS) })
  .map(({ start, length, label }) => ({ start, end: start + length, label }));
const byPosition = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start - b.start || b.end - a.end;

describe("heldSuggestionIds", () => {
  it("names exactly the suggestions whose offsets and label a span of the layer has", () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), fc.array(span, { maxLength: 60 }), (suggested, layer) => {
        const suggestions = suggested.map((s, i) => ({ ...s, id: `s${i}` }));
        const sorted = [...layer].sort(byPosition);
        const naive = suggestions.filter((s) => layer.some((a) => a.start === s.start && a.end === s.end && a.label === s.label)).map((s) => s.id);
        expect(heldSuggestionIds(suggestions, sorted)).toBe(naive.join(" "));
      }),
    );
  });

  it("gives the same string when an edit leaves the answer unchanged", () => {
    const suggestions = [{ id: "a", start: 4, end: 9, label: "PERSON" }];
    const before = [{ start: 4, end: 9, label: "PERSON" }];
    const after = [{ start: 0, end: 3, label: "ORG" }, ...before];
    expect(heldSuggestionIds(suggestions, before)).toBe("a");
    expect(heldSuggestionIds(suggestions, after)).toBe(heldSuggestionIds(suggestions, before));
    expect(heldSuggestionIds(suggestions, [{ start: 4, end: 9, label: "ORG" }])).toBe("");
  });
});
