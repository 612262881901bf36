import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { occurrenceNaming } from "@/lib/testing/quote-occurrence";
import { locateSpan } from "./locate-span";

const labels = new Set(["GPE", "PERSON"]);
const at = (chunk: string, text: string, occurrence = 1, label = "GPE") => locateSpan(chunk, { label, text, occurrence }, labels);
const slice = (chunk: string, r: ReturnType<typeof locateSpan>) => (r.ok ? chunk.slice(r.start, r.end) : r.refusal);

describe("locateSpan", () => {
  const chunk = "Iraq and Syria. Iraq, again: Iraq.";

  it("places the n-th appearance of the exact quote", () => {
    expect(at(chunk, "Iraq", 1)).toEqual({ ok: true, start: 0, end: 4 });
    expect(at(chunk, "Iraq", 2)).toEqual({ ok: true, start: 16, end: 20 });
    expect(at(chunk, "Iraq", 3)).toEqual({ ok: true, start: 29, end: 33 });
  });

  it("counts appearances at every position, overlapping ones included", () => {
    expect(at("aaa", "aa", 1)).toEqual({ ok: true, start: 0, end: 2 });
    expect(at("aaa", "aa", 2)).toEqual({ ok: true, start: 1, end: 3 });
    expect(at("aaa", "aa", 3)).toEqual({ ok: false, refusal: "occurrence" });
  });

  it("refuses what it cannot place, never guessing", () => {
    expect(at(chunk, "Iraq", 4)).toEqual({ ok: false, refusal: "occurrence" });
    expect(at(chunk, "Iraq", 0)).toEqual({ ok: false, refusal: "occurrence" });
    expect(at(chunk, "Iraq", 1.5)).toEqual({ ok: false, refusal: "occurrence" });
    expect(at(chunk, "Iran")).toEqual({ ok: false, refusal: "not-in-text" });
    expect(at(chunk, "iraq")).toEqual({ ok: false, refusal: "not-in-text" });
    expect(at(chunk, "Syria", 1, "WEAPON")).toEqual({ ok: false, refusal: "label" });
    expect(at(chunk, "Syria", 1, "gpe")).toEqual({ ok: false, refusal: "label" });
    expect(at(chunk, "")).toEqual({ ok: false, refusal: "empty" });
    expect(at(chunk, " \n\t")).toEqual({ ok: false, refusal: "empty" });
    expect(at("a😀b", "\ude00")).toEqual({ ok: false, refusal: "not-in-text" });
  });

  it("leaves out whitespace at the ends of the quote", () => {
    expect(slice(chunk, at(chunk, " Syria. ", 1))).toBe("Syria.");
  });

  it("matches the quote in NFC", () => {
    expect(slice("Café Riche", at("Café Riche", "Cafe\u0301"))).toBe("Café");
  });

  it("accepts other whitespace only when the exact quote does not occur", () => {
    const c = "Prime\nMinister Haider\u00a0al-Abadi said; the Prime  Minister";
    expect(slice(c, at(c, "Prime Minister Haider al-Abadi", 1, "PERSON"))).toBe("Prime\nMinister Haider\u00a0al-Abadi");
    // "Prime Minister" does not occur exactly: both loose matches count
    expect(slice(c, at(c, "Prime Minister", 2))).toBe("Prime  Minister");
    expect(at(c, "Prime Minister", 3)).toEqual({ ok: false, refusal: "occurrence" });
    // an exact appearance exists: only exact ones count
    const d = "New  York and New York";
    expect(at(d, "New York", 1)).toEqual({ ok: true, start: 14, end: 22 });
    expect(at(d, "New York", 2)).toEqual({ ok: false, refusal: "occurrence" });
    expect(at("a.b", "a b")).toEqual({ ok: false, refusal: "not-in-text" });
    expect(at("a (b) c", "(b)  c")).toEqual({ ok: true, start: 2, end: 7 });
  });

  it("counts whole-word appearances first", () => {
    const c = "ISIS, or IS, and the Iraqis of Iraq";
    expect(slice(c, at(c, "IS", 1, "GPE"))).toBe("IS");
    expect(at(c, "IS", 1)).toEqual({ ok: true, start: 9, end: 11 });
    expect(at(c, "IS", 2)).toEqual({ ok: false, refusal: "occurrence" });
    expect(at(c, "Iraq", 1)).toEqual({ ok: true, start: 31, end: 35 });
    expect(at(c, "Iraq", 2)).toEqual({ ok: false, refusal: "occurrence" });
    // inside words only: every appearance counts
    expect(at("Iraqis, Iraqis", "Iraq", 2)).toEqual({ ok: true, start: 8, end: 12 });
    // punctuation, hyphens and scripts without spaces are not words
    expect(at("al-Abadi (Abadi)", "Abadi", 2)).toEqual({ ok: true, start: 10, end: 15 });
    expect(at("伊拉克和伊朗", "伊朗", 1)).toEqual({ ok: true, start: 4, end: 6 });
    expect(at("😀Iraq😀", "Iraq", 1)).toEqual({ ok: true, start: 2, end: 6 });
  });

  it("places any substring its rule can name (overlaps, astral characters, parts of words)", () => {
    const piece = fc.constantFrom("a", "b", "ab", " ", "😀", "𝔘", "é", "\n", ".", "伊", "-");
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (parts, x, y) => {
        const chunk = parts.join("");
        const cps = Array.from(chunk);
        const i = x % cps.length;
        const j = i + 1 + (y % (cps.length - i));
        const quote = cps.slice(i, j).join("");
        fc.pre(/^\S(.*\S)?$/s.test(quote));
        const occurrence = occurrenceNaming(chunk, i, j);
        const u = cps.slice(0, i).join("").length;
        if (occurrence === null) {
          // a part of a word whose text also stands as a whole word: never placed there
          for (let n = 1; n <= cps.length; n++) expect(at(chunk, quote, n)).not.toEqual({ ok: true, start: u, end: u + quote.length });
        } else {
          expect(at(chunk, quote, occurrence)).toEqual({ ok: true, start: u, end: u + quote.length });
        }
      }),
      { numRuns: 1000 },
    );
  });
});
