import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  groupStanceCandidates,
  stanceAgreement,
  stanceCandidateState,
  stanceEntryState,
  stanceToMerge,
  type ReviewLayerStances,
  type ReviewStance,
} from "./stance-candidates";

const holder = (id: string) => ({ id, name: id.toUpperCase() });
const target = (id: string) => ({ id, text: `target ${id}` });
const st = (id: string, h: string, t: string, polarity: string, reviewState = "PENDING"): ReviewStance => ({
  id,
  holder: holder(h),
  target: target(t),
  polarity,
  confidence: 0.5,
  documentLevel: true,
  note: "",
  reviewState,
  evidence: [],
});

describe("stance candidates", () => {
  it("groups by holder → target and marks agreement among those who stated one", () => {
    const layers: ReviewLayerStances[] = [
      { layerId: "A", stances: [st("a1", "kerry", "cell", "AGAINST"), st("a2", "lavrov", "cell", "FAVOR"), st("a3", "assad", "cell", "FAVOR")] },
      { layerId: "B", stances: [st("b1", "kerry", "cell", "AGAINST"), st("b2", "lavrov", "cell", "AGAINST")] },
      { layerId: "C", stances: [] },
    ];
    const list = groupStanceCandidates(layers, [{ id: "g1", holderId: "kerry", targetId: "cell", polarity: "AGAINST", originId: "a1" }]);
    expect(list.map((c) => [c.holder.id, c.layers, c.agreement, c.gold?.id ?? null, c.entries.map((e) => e.layerId).join("")])).toEqual([
      ["assad", 1, "single", null, "A"],
      ["kerry", 2, "agreed", "g1", "AB"],
      ["lavrov", 2, "disagreed", null, "AB"],
    ]);
    expect(stanceCandidateState(list[1])).toBe("in-gold");
    expect(stanceCandidateState(list[2])).toBe("open");
  });

  it("a layer stating two polarities on one pair disagrees with itself", () => {
    expect(stanceAgreement(["FAVOR", "AGAINST"], 2)).toBe("disagreed");
    const [c] = groupStanceCandidates(
      [
        { layerId: "A", stances: [st("a1", "h", "t", "FAVOR"), st("a2", "h", "t", "AGAINST")] },
        { layerId: "B", stances: [st("b1", "h", "t", "FAVOR")] },
      ],
      [],
    );
    expect(c.agreement).toBe("disagreed");
    expect(stanceToMerge(c, 2, "unanimous")).toBeNull();
    expect(stanceToMerge(c, 2, "majority")?.id).toBe("a1");
  });

  it("merges unanimously only what every compared layer stated alike; by majority what more than half did", () => {
    const three = (polarities: (string | null)[]) =>
      groupStanceCandidates(
        polarities.map((p, i) => ({ layerId: `L${i}`, stances: p ? [st(`s${i}`, "h", "t", p)] : [] })),
        [],
      )[0];
    expect(stanceToMerge(three(["FAVOR", "FAVOR", "FAVOR"]), 3, "unanimous")?.id).toBe("s0");
    expect(stanceToMerge(three(["FAVOR", "FAVOR", null]), 3, "unanimous")).toBeNull();
    expect(stanceToMerge(three(["FAVOR", "FAVOR", null]), 3, "majority")?.id).toBe("s0");
    expect(stanceToMerge(three(["FAVOR", "AGAINST", "AGAINST"]), 3, "majority")?.id).toBe("s1");
    expect(stanceToMerge(three(["FAVOR", "AGAINST", null]), 3, "majority")).toBeNull();
  });

  it("marks each stance against gold: in gold, overruled, rejected", () => {
    const [c] = groupStanceCandidates(
      [
        { layerId: "A", stances: [st("a1", "h", "t", "FAVOR")] },
        { layerId: "B", stances: [st("b1", "h", "t", "AGAINST")] },
        { layerId: "C", stances: [st("c1", "h", "t", "NEUTRAL", "REJECTED")] },
      ],
      [{ id: "g", holderId: "h", targetId: "t", polarity: "AGAINST", originId: "b1" }],
    );
    expect(c.entries.map((e) => stanceEntryState(c, e))).toEqual(["overruled", "in-gold", "rejected"]);
    expect(stanceCandidateState(c)).toBe("in-gold");
  });

  it("property: every stance lands in exactly one candidate, and agreement means one polarity among two or more layers", () => {
    const polarity = fc.constantFrom("FAVOR", "AGAINST", "NEUTRAL", "UNCLEAR");
    const layerArb = fc.array(fc.tuple(fc.constantFrom("h1", "h2"), fc.constantFrom("t1", "t2"), polarity), { maxLength: 5 });
    fc.assert(
      fc.property(fc.array(layerArb, { maxLength: 4 }), (raw) => {
        let n = 0;
        const layers = raw.map((stances, i) => ({ layerId: `L${i}`, stances: stances.map(([h, t, p]) => st(`s${n++}`, h, t, p)) }));
        const list = groupStanceCandidates(layers, []);
        const ids = list.flatMap((c) => c.entries.map((e) => e.id)).sort();
        expect(ids).toEqual(layers.flatMap((l) => l.stances.map((s) => s.id)).sort());
        for (const c of list) {
          expect(c.entries.every((e) => `${e.holder.id}→${e.target.id}` === c.key)).toBe(true);
          const polarities = new Set(c.entries.map((e) => e.polarity));
          expect(c.agreement === "agreed").toBe(c.layers >= 2 && polarities.size === 1);
          const merged = stanceToMerge(c, layers.length, "unanimous");
          if (merged) expect(c.layers === layers.length && polarities.size === 1).toBe(true);
        }
      }),
    );
  });
});
