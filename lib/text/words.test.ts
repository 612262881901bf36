import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TextIndex } from "./offsets";
import { snapToWords, wordRanges, wordAt } from "./words";

describe("wordRanges", () => {
  it("finds words in code points, past astral characters", () => {
    const index = new TextIndex("😀 Haider al-Abadi said");
    const words = wordRanges(index).map((r) => index.slice(r.start, r.end));
    expect(words).toEqual(["Haider", "al", "Abadi", "said"]);
  });
});

describe("snapToWords", () => {
  const index = new TextIndex("Sergey V. Lavrov met 👩‍👩‍👧 Kerry");
  const words = wordRanges(index);
  const snap = (s: number, e: number) => {
    const r = snapToWords(index, words, { start: s, end: e });
    return r && index.slice(r.start, r.end);
  };
  it("widens a selection that cuts words", () => {
    expect(snap(2, 13)).toBe("Sergey V. Lavrov");
    expect(snap(10, 11)).toBe("Lavrov");
  });
  it("trims whitespace and returns null for blank selections", () => {
    expect(snap(16, 21)).toBe("met");
    expect(snap(16, 17)).toBeNull();
  });
  it("always returns a range that contains the trimmed selection and stays in bounds", () => {
    fc.assert(
      fc.property(fc.nat(index.length), fc.nat(index.length), (x, y) => {
        const [s, e] = x <= y ? [x, y] : [y, x];
        const r = snapToWords(index, words, { start: s, end: e });
        if (!r) return;
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThanOrEqual(index.length);
        expect(r.start).toBeLessThan(r.end);
        expect(index.slice(r.start, r.end).trim()).toBe(index.slice(r.start, r.end));
      }),
    );
  });
});

describe("wordAt", () => {
  it("finds the word at or after an offset", () => {
    const index = new TextIndex("one two three");
    const words = wordRanges(index);
    expect(wordAt(words, 0)).toBe(0);
    expect(wordAt(words, 3)).toBe(1);
    expect(wordAt(words, 100)).toBe(2);
  });
});
