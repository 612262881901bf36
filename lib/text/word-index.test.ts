import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TextIndex } from "./offsets";
import { WordIndex } from "./word-index";
import { segmentWords, snapToWords, wordRanges, type Range } from "./words";

const pieces = fc.constantFrom(
  "Sergey",
  "V.",
  "al-Abadi",
  "e\u0301",
  "😀",
  "👩‍👩‍👧",
  "𝒥ohn",
  "U.S.",
  "don't",
  " ",
  "  ",
  "\n",
  "\n\n",
  "\t",
  ",",
  "—",
  "日本語",
  "🇮🇶",
);
const texts = fc.array(pieces, { maxLength: 60 }).map((p) => p.join(""));

function walk(words: WordIndex, from: Range | null, step: (w: Range) => Range | null): Range[] {
  const out: Range[] = [];
  for (let w = from; w; w = step(w)) out.push(w);
  return out;
}

describe("WordIndex", () => {
  it("walking forward and backward visits exactly the words of the whole text", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const index = new TextIndex(text);
        const words = new WordIndex(index);
        const all = wordRanges(index);
        expect(walk(words, words.first(), (w) => words.next(w))).toEqual(all);
        expect(walk(words, words.last(), (w) => words.prev(w))).toEqual([...all].reverse());
      }),
      { numRuns: 300 },
    );
  });

  it("snaps selections exactly as snapping against all words does", () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, x, y) => {
        const index = new TextIndex(text);
        const [s, e] = [x % (index.length + 1), y % (index.length + 1)].sort((a, b) => a - b);
        expect(new WordIndex(index).snap({ start: s, end: e })).toEqual(snapToWords(index, wordRanges(index), { start: s, end: e }));
      }),
      { numRuns: 300 },
    );
  });

  it("finds the word at an offset, and moves between lines", () => {
    const index = new TextIndex("one two\n\n😀 three four\nfive");
    const words = new WordIndex(index);
    const text = (r: Range | null) => r && index.slice(r.start, r.end);
    expect(text(words.wordAt(5))).toBe("two");
    expect(text(words.wordAt(7))).toBe("three"); // past the last word of a line: the next one
    expect(text(words.wordAt(index.length))).toBe("five");
    expect(text(words.nextLine(words.wordAt(0)!))).toBe("three");
    expect(text(words.prevLine(words.wordAt(index.length)!))).toBe("three");
    expect(words.prevLine(words.first()!)).toBeNull();
    expect(words.nextLine(words.last()!)).toBeNull();
  });

  it("cuts long texts into pieces without changing a word", () => {
    const text = Array.from({ length: 3000 }, (_, i) => (i % 50 === 0 ? "😀 U.S. " : `word${i} `)).join("");
    expect(segmentWords(text, 300)).toEqual(segmentWords(text, Infinity));
  });
});
