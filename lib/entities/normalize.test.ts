import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isCaseSensitiveAlias, normalizeName } from "./normalize";
import { findOccurrences } from "./find-occurrences";

describe("normalizeName", () => {
  it("folds compatibility forms, case, apostrophes, dashes and white space", () => {
    expect(normalizeName("  Haider   al‐Abadi ")).toBe("haider al-abadi");
    expect(normalizeName("Ｉｓｌａｍｉｃ　State")).toBe("islamic state");
    expect(normalizeName("O’Brien")).toBe(normalizeName("o'brien"));
    expect(normalizeName("ﬁrst—second")).toBe("first-second");
  });
  it("is idempotent", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => normalizeName(normalizeName(s)) === normalizeName(s)));
  });
  it("treats capitals-only aliases as case-sensitive", () => {
    expect(isCaseSensitiveAlias("IS")).toBe(true);
    expect(isCaseSensitiveAlias("U.S.")).toBe(true);
    expect(isCaseSensitiveAlias("Daesh")).toBe(false);
    expect(isCaseSensitiveAlias("42")).toBe(false);
  });
});

describe("findOccurrences", () => {
  const needles = [
    { entityId: "is", alias: "IS" },
    { entityId: "is", alias: "Islamic State" },
    { entityId: "assad", alias: "Assad" },
    { entityId: "assad", alias: "Bashar al-Assad" },
  ];
  it("matches capitals-only aliases case-sensitively, others in any case, on word boundaries", () => {
    const text = "This is IS, not Is. The islamic  state; ISIS. Bashar al‑Assad and Assad's men, Assadist.";
    const got = findOccurrences(text, needles).map((o) => [o.entityId, o.text]);
    expect(got).toEqual([
      ["is", "IS"],
      ["is", "islamic  state"],
      ["assad", "Bashar al‑Assad"],
      ["assad", "Assad"],
    ]);
  });

  it("reports code point offsets whose slice is the matched text, with astral characters around", () => {
    const text = "😀 Daesh 👩‍👩‍👧 and 𝒳 Daesh.";
    const got = findOccurrences(text, [{ entityId: "d", alias: "daesh" }]);
    expect(got.map((o) => [o.start, o.end])).toEqual([
      [2, 7],
      [20, 25],
    ]);
    for (const o of got) expect(Array.from(text).slice(o.start, o.end).join("")).toBe("Daesh");
  });

  it("finds an alias wherever it is inserted between non-word characters (property)", () => {
    const filler = fc.string({ unit: fc.constantFrom("a", " ", "😀", "é", ".", "\n", "𝒳", "-", "I", "s") });
    fc.assert(
      fc.property(filler, filler, (before, after) => {
        const text = `${before} Daesh ${after}`;
        const at = Array.from(before).length + 1;
        const got = findOccurrences(text, [{ entityId: "d", alias: "Daesh" }]);
        const hit = got.find((o) => o.start === at);
        expect(hit).toBeDefined();
        expect(hit!.end).toBe(at + 5);
        for (const o of got) expect(Array.from(text).slice(o.start, o.end).join("").toLowerCase()).toBe("daesh");
      }),
    );
  });

  it("never matches lower-case 'is' for the alias IS (property)", () => {
    const words = fc.array(fc.constantFrom("is", "Is", "iS", "this", "IS", "ISIS", "😀"), { maxLength: 12 });
    fc.assert(
      fc.property(words, (ws) => {
        const text = ws.join(" ");
        const got = findOccurrences(text, [{ entityId: "x", alias: "IS" }]);
        expect(got.length).toBe(ws.filter((w) => w === "IS").length);
        for (const o of got) expect(Array.from(text).slice(o.start, o.end).join("")).toBe("IS");
      }),
    );
  });
});
