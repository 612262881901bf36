import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { chunkRanges } from "./chunk-text";

const piece = fc.constantFrom("a", "word", "Iraq", " ", "  ", "\n", "\n\n", ". ", "! ", "😀", "𝔘", "\u00a0", "x".repeat(30), "Daesh.");
const text = fc.array(piece, { maxLength: 80 }).map((p) => p.join(""));

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** The "\n"-terminated line around UTF-16 offset `at` (a boundary strictly inside it). */
function lineAround(t: string, at: number) {
  const start = t.lastIndexOf("\n", at - 1) + 1;
  const nl = t.indexOf("\n", at);
  return { start, end: nl === -1 ? t.length : nl + 1 };
}

describe("chunkRanges", () => {
  it("packs whole lines into windows of at most max", () => {
    const t = ["first line\n", "second line\n", "\n", "third\n", "fourth line here"].join("");
    const r = chunkRanges(t, 24);
    expect(r.map(({ start, end }) => t.slice(start, end))).toEqual(["first line\nsecond line\n\n", "third\nfourth line here"]);
  });

  it("cuts a line longer than a window at a sentence end, else at whitespace", () => {
    const t = "One two three. Four five six seven eight nine ten.";
    expect(chunkRanges(t, 30).map(({ start, end }) => t.slice(start, end))).toEqual(["One two three. ", "Four five six seven eight ", "nine ten."]);
  });

  it("cuts a run without whitespace hard, never inside a surrogate pair", () => {
    const t = "😀".repeat(5); // 10 UTF-16 units
    const r = chunkRanges(t, 3);
    expect(r.map(({ start, end }) => t.slice(start, end))).toEqual(["😀", "😀", "😀", "😀", "😀"]);
  });

  it("leaves out windows of whitespace only and returns nothing for a blank text", () => {
    expect(chunkRanges("")).toEqual([]);
    expect(chunkRanges(" \n\n \n")).toEqual([]);
    const t = "ab\n" + " \n".repeat(10) + "cd";
    expect(chunkRanges(t, 6).map(({ start, end }) => t.slice(start, end))).toEqual(["ab\n \n", "cd"]);
  });

  it("covers the text in order with windows of at most max, cutting a line only when it is longer than max", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 60 }), (t, max) => {
        const r = chunkRanges(t, max);
        let prev = 0;
        for (const { start, end } of r) {
          expect(start).toBeGreaterThanOrEqual(prev);
          expect(t.slice(prev, start)).toMatch(/^\s*$/);
          expect(end).toBeGreaterThan(start);
          expect(end - start).toBeLessThanOrEqual(max);
          expect(t.slice(start, end)).toMatch(/\S/);
          for (const b of [start, end]) {
            expect(b > 0 && isHigh(t.charCodeAt(b - 1)) && b < t.length).toBe(false);
            const atLineEdge = b === 0 || b === t.length || t[b - 1] === "\n";
            if (!atLineEdge) {
              const line = lineAround(t, b);
              expect(line.end - line.start).toBeGreaterThan(max);
            }
          }
          prev = end;
        }
        expect(t.slice(prev)).toMatch(/^\s*$/);
      }),
      { numRuns: 500 },
    );
  });
});
