import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TextIndex } from "./offsets";
import { segmentWords, snapToWords, wordRanges, wordAt } from "./words";

describe("wordRanges", () => {
  it("finds words in code points, past astral characters", () => {
    const index = new TextIndex("😀 Haider al-Abadi said");
    const words = wordRanges(index).map((r) => index.slice(r.start, r.end));
    expect(words).toEqual(["Haider", "al", "Abadi", "said"]);
  });

  it("keeps dotted abbreviations with their last period, and numbers, whole", () => {
    const index = new TextIndex("The U.N. General Assembly, U.S.-led talks, e.g. Ph.D. holders; in 2011 3.5% of 1,000.25.");
    const words = wordRanges(index).map((r) => index.slice(r.start, r.end));
    expect(words).toEqual(["The", "U.N.", "General", "Assembly", "U.S.", "led", "talks", "e.g.", "Ph.D.", "holders", "in", "2011", "3.5", "of", "1,000.25"]);
  });

  it("gives the same words however the text is cut into pieces, abbreviations included", () => {
    const word = fc.constantFrom("U.N.", "U.S.", "e.g.", "a.", "2011", "3.5", "Kerry", "al-Abadi", "😀", "x.y.z.");
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.constantFrom(" ", "  ", "\n", ", ", "-")), { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (parts, chunk) => {
        const text = parts.map(([w, sep]) => w + sep).join("");
        expect(segmentWords(text, chunk)).toEqual(segmentWords(text, 1_000_000));
        for (const r of segmentWords(text)) expect(r.end).toBeGreaterThan(r.start);
      }),
    );
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
