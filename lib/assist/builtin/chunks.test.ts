import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { paragraphChunks } from "./chunks";

const piece = fc.constantFrom("a", "word ", "Iraq", ". ", "\n", "\n\n", "😀", " ", "\u00a0", "al-Abadi");
const text = fc.array(piece, { maxLength: 200 }).map((p) => p.join(""));

describe("paragraphChunks", () => {
  it("covers the text end to end in pieces of at most maxChars, never cutting a surrogate pair", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 60 }), (t, max) => {
        const chunks = paragraphChunks(t, max);
        let at = 0;
        for (const c of chunks) {
          expect(c.from).toBe(at);
          expect(c.to).toBeGreaterThan(c.from);
          expect(c.to - c.from).toBeLessThanOrEqual(max);
          const before = t.charCodeAt(c.to - 1);
          if (c.to < t.length) expect(before >= 0xd800 && before <= 0xdbff).toBe(false);
          at = c.to;
        }
        expect(at).toBe(t.length);
      }),
    );
  });

  it("ends pieces after a line break when one fits, else after a sentence or a word", () => {
    expect(paragraphChunks("one two.\nthree four.\nfive", 12).map((c) => c.to)).toEqual([9, 21, 25]);
    const long = "Alpha beta gamma. Delta epsilon zeta eta theta";
    const [first] = paragraphChunks(long, 30);
    expect(long.slice(first.from, first.to)).toBe("Alpha beta gamma. ");
    expect(paragraphChunks("", 10)).toEqual([]);
  });
});
