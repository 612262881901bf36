import { describe, expect, it } from "vitest";
import { CREDIBILITY, RELIABILITY, credibilityMeaning, mispTags, reliabilityMeaning } from "./admiralty";

describe("Admiralty scale", () => {
  it("has six reliability and six credibility codes with their meanings", () => {
    expect(RELIABILITY.map((r) => r.code).join("")).toBe("ABCDEF");
    expect(CREDIBILITY.map((c) => c.code)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(reliabilityMeaning("A")).toBe("Completely reliable");
    expect(reliabilityMeaning("F")).toBe("Cannot be judged");
    expect(credibilityMeaning(1)).toBe("Confirmed by other sources");
    expect(credibilityMeaning(6)).toBe("Cannot be judged");
    expect(reliabilityMeaning("G")).toBeNull();
  });

  it("writes MISP machine tags of the admiralty-scale taxonomy", () => {
    expect(mispTags({ reliability: "B", credibility: 2 })).toEqual(['admiralty-scale:source-reliability="b"', 'admiralty-scale:information-credibility="2"']);
    for (const r of RELIABILITY)
      for (const c of CREDIBILITY) {
        const [rel, cred] = mispTags({ reliability: r.code, credibility: c.code });
        expect(rel).toMatch(/^admiralty-scale:source-reliability="[a-f]"$/);
        expect(cred).toMatch(/^admiralty-scale:information-credibility="[1-6]"$/);
      }
  });

  it("refuses codes outside the scale", () => {
    expect(() => mispTags({ reliability: "G", credibility: 1 })).toThrow(RangeError);
    expect(() => mispTags({ reliability: "A", credibility: 7 })).toThrow(RangeError);
  });
});
