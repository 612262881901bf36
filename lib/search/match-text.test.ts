import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TextIndex } from "@/lib/text/offsets";
import { foldWord, foldedWords } from "./fold";
import { firstMatch, holdsAllTerms } from "./match-text";
import { composeSnippet } from "./snippet";

const LETTERS = ["a", "b", "e", "é", "È", "l", "L", "v", "ß", "ẞ", "ø", "𝒜", "中", "Л", "л", "ı", "1", "2", "Ā"];
const SEPARATORS = [" ", "  ", "\n", "🎉", "👩‍👩‍👧", " — ", ", ", "’", "🇮🇶", "\t", "-", "."];
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 5 }).map((l) => l.join(""));
const text = fc
  .tuple(fc.constantFrom("", ...SEPARATORS), fc.array(fc.tuple(word, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 30 }))
  .map(([lead, parts]) => lead + parts.map(([w, s]) => w + s).join(""));

/** The words of a text with their UTF-16 offsets, as search reads them. */
const tokens = (t: string) =>
  Array.from(t.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu), (m) => ({ word: foldWord(m[0]), start: m.index, end: m.index + m[0].length }));

describe("finding a search's words in a text", () => {
  it("finds the first occurrence of a word or phrase, whole words only, at its exact offsets in code points", () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.integer({ min: 1, max: 3 }), (t, pick, n) => {
        const all = tokens(t);
        const i = pick % all.length;
        const wanted = all.slice(i, i + n).map((w) => w.word);
        const first = all.findIndex((_, j) => wanted.every((w, k) => all[j + k]?.word === w));
        const m = firstMatch(t, [{ words: wanted }]);
        expect(m).toEqual({ start: all[first].start, end: all[first + wanted.length - 1].end });
        const index = new TextIndex(t);
        expect(index.utf16ToCp(m!.start)).toBe(Array.from(t.slice(0, m!.start)).length);
        expect(foldedWords(index.slice(index.utf16ToCp(m!.start), index.utf16ToCp(m!.end)))).toEqual(wanted);
      }),
      { numRuns: 200 },
    );
  }, 20_000);

  it("matches any case and Latin diacritics, not parts of words", () => {
    const t = "🎉 Le ministre LÁVROV a dit. Sergueï Lavrov, Sergey — lavrov; lavrovs.";
    const at = (words: string[]) => {
      const m = firstMatch(t, [{ words }]);
      return m && t.slice(m.start, m.end);
    };
    expect(at(["lavrov"])).toBe("LÁVROV");
    expect(at(["serguei", "lavrov"])).toBe("Sergueï Lavrov");
    expect(at(["sergey", "lavrov"])).toBe("Sergey — lavrov");
    expect(at(["lavro"])).toBeNull();
    expect(at(["ministre", "dit"])).toBeNull();
    expect(firstMatch(t, [{ words: ["dit"] }, { words: ["ministre"] }])).toEqual({ start: t.indexOf("ministre"), end: t.indexOf("ministre") + 8 });
    // combining marks after a letter belong to its word
    expect(firstMatch("cafe\u0301 au lait", [{ words: ["cafe"] }])).toEqual({ start: 0, end: 5 });
    expect(firstMatch("ẞtraße", [{ words: ["ßtraße"] }])).toEqual({ start: 0, end: 6 });
  });

  it("tells whether a span's text holds every term", () => {
    const holds = holdsAllTerms([{ words: ["lavrov"] }, { words: ["sergey", "v"] }]);
    expect(holds("Sergey V. Lavrov")).toBe(true);
    expect(holds("Lavrov")).toBe(false);
    expect(holds("Sergey V. Lavrovs")).toBe(false);
  });
});

describe("snippets", () => {
  it("cuts the context at word boundaries and marks what is left out", () => {
    expect(composeSnippet({ before: "ld that Sergey ", hit: "Lavrov", after: " met John Kerry in Bagh", cutBefore: true, cutAfter: true })).toEqual({
      before: "…that Sergey ",
      hit: "Lavrov",
      after: " met John Kerry in…",
    });
    expect(composeSnippet({ before: "Sergey ", hit: "Lavrov", after: "\n\nmet", cutBefore: false, cutAfter: false })).toEqual({
      before: "Sergey ",
      hit: "Lavrov",
      after: " met",
    });
    const long = "🎉".repeat(300);
    expect(Array.from(composeSnippet({ before: "", hit: long, after: "", cutBefore: false, cutAfter: false }).hit)).toHaveLength(241);
  });
});
