import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { groupQuoteLinkCandidates, type LinkedSpan } from "./quote-link-candidates";

const QUOTES = new Set(["QUOTE"]);
const s = (
  id: string,
  start: number,
  end: number,
  label: string,
  cue: string | null = null,
  speaker: string | null = null,
  reviewState = "PENDING",
): LinkedSpan => ({
  id,
  start,
  end,
  label,
  text: `${start}-${end}`,
  quoteCueId: cue,
  quoteSpeakerId: speaker,
  reviewState,
});

describe("quote link candidates", () => {
  it("compares links by what they point at, not by span ids, and marks agreement and gold", () => {
    const layers = [
      { layerId: "A", spans: [s("aq", 20, 50, "QUOTE", "ac", "as"), s("ac", 10, 14, "CUE"), s("as", 0, 9, "PERSON")] },
      { layerId: "B", spans: [s("bq", 20, 50, "QUOTE", "bc", "bs"), s("bc", 10, 14, "CUE"), s("bs", 0, 9, "PERSON")] },
      { layerId: "C", spans: [s("cq", 20, 50, "QUOTE", "cc", null), s("cc", 10, 14, "CUE"), s("x", 60, 70, "QUOTE")] },
    ];
    const list = groupQuoteLinkCandidates(layers, [], QUOTES);
    expect(list.map((c) => [c.speaker?.start ?? null, c.support.map((x) => x.layerId).join(""), c.agreed, c.state])).toEqual([
      [null, "C", false, "open"],
      [0, "AB", false, "open"],
    ]);
    const gold = [s("gq", 20, 50, "QUOTE", "gc", "gs"), s("gc", 10, 14, "CUE"), s("gs", 0, 9, "PERSON")];
    const decided = groupQuoteLinkCandidates(layers, gold, QUOTES);
    expect(decided.map((c) => [c.state, c.goldQuoteId])).toEqual([
      ["overruled", "gq"],
      ["in-gold", "gq"],
    ]);
    const unlinked = groupQuoteLinkCandidates(layers, [s("gq", 20, 50, "QUOTE")], QUOTES);
    expect(unlinked.map((c) => c.state)).toEqual(["rejected", "rejected"]);
  });

  it("a quote rejected in review is a rejected link", () => {
    const list = groupQuoteLinkCandidates([{ layerId: "A", spans: [s("q", 5, 9, "QUOTE", "c", null, "REJECTED"), s("c", 0, 3, "CUE")] }], [], QUOTES);
    expect(list[0].state).toBe("rejected");
  });

  it("property: identical links at any offsets in every layer agree; gold holding the same link puts it in gold", () => {
    const range = fc.tuple(fc.nat(1000), fc.integer({ min: 1, max: 50 })).map(([start, len]) => [start, start + len] as const);
    fc.assert(
      fc.property(range, range, range, fc.integer({ min: 1, max: 4 }), ([qs, qe], [cs, ce], [ss, se], n) => {
        const layer = (p: string) => ({
          layerId: p,
          spans: [s(`${p}q`, qs, qe, "QUOTE", `${p}c`, `${p}s`), s(`${p}c`, cs, ce, "CUE"), s(`${p}s`, ss, se, "PERSON")],
        });
        const layers = Array.from({ length: n }, (_, i) => layer(`L${i}`));
        const gold = layer("G").spans;
        const [c, ...rest] = groupQuoteLinkCandidates(layers, gold, QUOTES);
        expect(rest).toEqual([]);
        expect(c.agreed).toBe(true);
        expect(c.state).toBe("in-gold");
        expect([c.quote.start, c.quote.end, c.cue?.start, c.cue?.end, c.speaker?.start, c.speaker?.end]).toEqual([qs, qe, cs, ce, ss, se]);
        // shifting one layer's speaker by one code point breaks agreement
        const moved = layers.map((l, i) => (i === 0 ? { ...l, spans: l.spans.map((x) => (x.id.endsWith("s") ? { ...x, end: x.end + 1 } : x)) } : l));
        const split = groupQuoteLinkCandidates(moved, [], QUOTES);
        expect(split.every((x) => !x.agreed)).toBe(n === 1 ? false : true);
      }),
    );
  });
});
