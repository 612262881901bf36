import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TextIndex } from "@/lib/text/offsets";
import { wordRanges } from "@/lib/text/words";
import { OUTSIDE, anyLabelUnits, coveredWords, documentWords, labelUnits, type LabeledSpan } from "./token-units";

/** Code point offsets of `needle` in `text`. */
function at(text: string, needle: string, label: string): LabeledSpan {
  const u = text.indexOf(needle);
  if (u === -1) throw new Error(`${needle} not in text`);
  const start = Array.from(text.slice(0, u)).length;
  return { start, end: start + Array.from(needle).length, label };
}

describe("token units", () => {
  // Astral characters before the spans: UTF-16 offsets would be off by two per emoji.
  const text = "😀👩‍👩‍👧 Sergey V. Lavrov met 𝒥ohn Kerry in Baghdad.";
  const words = documentWords(text);
  const index = new TextIndex(text);

  it("takes the words as units, in code points", () => {
    expect(words.map((w) => index.slice(w.start, w.end))).toEqual(["Sergey", "V", "Lavrov", "met", "𝒥ohn", "Kerry", "in", "Baghdad"]);
  });

  it("gives 1 for words inside a coder's spans of the label, 0 elsewhere, null for coders without a layer", () => {
    const a = [at(text, "Sergey V. Lavrov", "PERSON"), at(text, "𝒥ohn Kerry", "PERSON"), at(text, "Baghdad", "GPE")];
    const b = [at(text, "Lavrov", "PERSON"), at(text, "Baghdad", "ORG")];
    expect(labelUnits(words, [a, b, null], "PERSON")).toEqual([
      [1, 1, 1, 0, 1, 1, 0, 0],
      [0, 0, 1, 0, 0, 0, 0, 0],
      [null, null, null, null, null, null, null, null],
    ]);
    expect(labelUnits(words, [a, b], "GPE")).toEqual([
      [0, 0, 0, 0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0, 0, 0, 0],
    ]);
  });

  it("counts a word cut by a span as marked, so no span vanishes from the units", () => {
    expect(labelUnits(words, [[at(text, "avro", "PERSON")]], "PERSON")[0]).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it("in the any-label view gives the covering label, the innermost one where spans nest, and O elsewhere", () => {
    const nested = [at(text, "Sergey V. Lavrov met 𝒥ohn Kerry", "EVENT"), at(text, "Sergey V. Lavrov", "PERSON"), at(text, "Baghdad", "GPE")];
    expect(anyLabelUnits(words, [nested, null])).toEqual([
      ["PERSON", "PERSON", "PERSON", "EVENT", "EVENT", "EVENT", OUTSIDE, "GPE"],
      [null, null, null, null, null, null, null, null],
    ]);
    // equally long spans: the label first in alphabetical order, whatever the input order
    const tie = [at(text, "Baghdad", "LOC"), at(text, "Baghdad", "GPE")];
    expect(anyLabelUnits(words, [tie, [...tie].reverse()]).map((v) => v[7])).toEqual(["GPE", "GPE"]);
  });

  it("marks exactly the words that share a code point with a span (checked word by word)", () => {
    const n = index.length;
    const spanArb = fc
      .tuple(fc.nat(n), fc.nat(n))
      .filter(([x, y]) => x !== y)
      .map(([x, y]) => ({ start: Math.min(x, y), end: Math.max(x, y) }));
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 5 }), (spans) => {
        const covered = coveredWords(words, spans);
        words.forEach((w, i) => {
          const expected = spans.some((s) => s.start < w.end && w.start < s.end) ? 1 : 0;
          expect(covered[i]).toBe(expected);
        });
      }),
    );
  });

  it("segments long texts in pieces without changing a single word", () => {
    const pieces = fc.constantFrom(
      "Sergey",
      "V.",
      "al-Abadi",
      "e\u0301",
      "😀",
      "👩‍👩‍👧",
      "𝒥ohn",
      "1,000",
      "3.5",
      "U.S.",
      "don't",
      " ",
      "  ",
      "\n",
      "\t",
      ",",
      "—",
      "日本語",
      "ไทย",
      "🇮🇶🇷🇺",
      "\u200d",
      "\u0301",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (parts, chunk) => {
        const text = parts.join("");
        expect(documentWords(text, chunk)).toEqual(wordRanges(new TextIndex(text), Infinity));
      }),
      { numRuns: 300 },
    );
  });
});
