import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TextIndex, canonicalizeText, codePointLength, codePointOffsetOf, sliceCodePoints, stepCodePoints, utf16OffsetOf } from "./offsets";

// Pieces that break naive offset code: astral emoji, combining marks,
// ZWJ sequences, CJK extension B, empty lines, CRLF, NBSP, math letters.
const piece = fc.constantFrom(
  "a",
  "b",
  "Z",
  " ",
  "\u00a0",
  "\n",
  "\n\n",
  "\r\n",
  "\r",
  "é",
  "e\u0301",
  "\u0301",
  "😀",
  "👩‍👩‍👧",
  "𝔘",
  "𠀀",
  "—",
  "’",
  "ﬃ",
  "\t",
  "Daesh",
  "al-Abadi",
);
const rawText = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(""));
const canonicalText = rawText.map(canonicalizeText);

/** A reference model: code points as an array, the way Python indexes a str. */
const pyChars = (s: string) => Array.from(s);

/** Builds the editor's view of the text: one paragraph per line, as the TipTap doc does. */
function pmTextBetween(text: string, from: number, to: number): string {
  // Walk positions the way ProseMirror counts them: open(1) + content + close(1) per paragraph.
  let out = "";
  let pos = 0;
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    pos += 1; // paragraph open
    for (let k = 0; k < line.length; k++, pos++) if (pos >= from && pos < to) out += line[k];
    pos += 1; // paragraph close
    if (i < lines.length - 1 && pos - 1 >= from && pos + 1 <= to) out += "\n";
  });
  return out;
}

describe("canonicalizeText", () => {
  it("normalises line endings and NFC", () => {
    expect(canonicalizeText("a\r\nb\rc\n")).toBe("a\nb\nc\n");
    expect(canonicalizeText("e\u0301")).toBe("é");
  });
  it("is idempotent and leaves no CR", () => {
    fc.assert(
      fc.property(rawText, (t) => {
        const c = canonicalizeText(t);
        expect(canonicalizeText(c)).toBe(c);
        expect(c.includes("\r")).toBe(false);
      }),
    );
  });
});

describe("TextIndex", () => {
  it("counts code points as Python does", () => {
    expect(codePointLength("a😀b")).toBe(3);
    expect(new TextIndex("a😀b").slice(1, 2)).toBe("😀");
    expect(sliceCodePoints("👩‍👩‍👧x", 5, 6)).toBe("x");
  });

  it("slices exactly like Python text[start:end] for every range", () => {
    fc.assert(
      fc.property(canonicalText, fc.nat(), fc.nat(), (text, x, y) => {
        const chars = pyChars(text);
        const a = x % (chars.length + 1);
        const b = y % (chars.length + 1);
        const [start, end] = a <= b ? [a, b] : [b, a];
        const index = new TextIndex(text);
        expect(index.length).toBe(chars.length);
        expect(index.slice(start, end)).toBe(chars.slice(start, end).join(""));
      }),
    );
  });

  it("round-trips code points through UTF-16 and editor positions", () => {
    fc.assert(
      fc.property(canonicalText, (text) => {
        const index = new TextIndex(text);
        for (let cp = 0; cp <= index.length; cp++) {
          expect(index.utf16ToCp(index.cpToUtf16(cp))).toBe(cp);
          expect(index.pmToCp(index.cpToPm(cp))).toBe(cp);
        }
      }),
    );
  });

  it("maps ranges to editor positions that cover the same text", () => {
    fc.assert(
      fc.property(canonicalText, fc.nat(), fc.nat(), (text, x, y) => {
        const index = new TextIndex(text);
        const a = x % (index.length + 1);
        const b = y % (index.length + 1);
        const [start, end] = a <= b ? [a, b] : [b, a];
        const slice = index.slice(start, end);
        expect(pmTextBetween(text, index.cpToPm(start), index.cpToPm(end))).toBe(slice);
      }),
    );
  });

  it("editor positions are monotonic in code points", () => {
    fc.assert(
      fc.property(canonicalText, (text) => {
        const index = new TextIndex(text);
        for (let cp = 1; cp <= index.length; cp++) {
          expect(index.cpToPm(cp)).toBeGreaterThan(index.cpToPm(cp - 1));
        }
      }),
    );
  });

  it("never splits a surrogate pair when reading editor positions", () => {
    const text = "x😀\n\n𝔘y";
    const index = new TextIndex(text);
    // position 3 is inside the emoji's surrogate pair (content starts at 1)
    expect(index.pmToCp(3)).toBe(1);
    // the empty line between paragraphs maps to its own start
    expect(index.slice(index.pmToCp(index.cpToPm(4)), 5)).toBe("𝔘");
  });

  it("rejects offsets outside the text", () => {
    const index = new TextIndex("abc");
    expect(() => index.slice(2, 4)).toThrow(RangeError);
    expect(() => index.cpToPm(-1)).toThrow(RangeError);
    expect(index.isValidRange(3, 2)).toBe(false);
  });
});

// long runs of astral characters, so that chunks of the conversions cut surrogate pairs
const astralText = fc.array(fc.oneof(piece, fc.constantFrom("😀😀😀", "𝔘𝔘", "a😀")), { maxLength: 80 }).map((p) => canonicalizeText(p.join("")));

describe("conversions without tables", () => {
  it("agree with TextIndex at every code point boundary, and step by code points", () => {
    fc.assert(
      fc.property(astralText, fc.nat(), fc.integer({ min: -70, max: 70 }), (text, x, n) => {
        const index = new TextIndex(text);
        const cp = x % (index.length + 1);
        const u = index.cpToUtf16(cp);
        expect(codePointOffsetOf(text, u)).toBe(cp);
        expect(utf16OffsetOf(text, cp)).toBe(u);
        const earlier = Math.floor(cp / 2);
        expect(utf16OffsetOf(text, cp, { u: index.cpToUtf16(earlier), cp: earlier })).toBe(u);
        expect(stepCodePoints(text, u, n)).toBe(index.cpToUtf16(Math.min(index.length, Math.max(0, cp + n))));
      }),
      { numRuns: 500 },
    );
  });
});
