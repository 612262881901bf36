import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AppError } from "@/lib/errors";
import { hasAnnotationFilter, MAX_TERMS, parseQuery, ParsedQuery } from "./query-language";
import { fts5Query } from "./search-clauses";

const words = (q: string) => parseQuery(q).terms.map((t) => t.words);

describe("the search language", () => {
  it("reads words, phrases and filters", () => {
    expect(
      parseQuery('Lavrov "Foreign Minister" label:PERSON entity:"Sergey Lavrov" annotator:ana@example.org layer:Gold status:in-progress project:iraq-2015'),
    ).toEqual({
      terms: [
        { words: ["lavrov"], text: "Lavrov" },
        { words: ["foreign", "minister"], text: "Foreign Minister" },
      ],
      filters: { label: "PERSON", entity: "Sergey Lavrov", annotator: "ana@example.org", layer: "gold", status: "IN_PROGRESS", project: "iraq-2015" },
    });
  });

  it("makes a word written with punctuation inside its words in a row, and folds case and Latin diacritics", () => {
    expect(words("al-Abadi U.N. Kerry's LÁVROV Лавров")).toEqual([["al", "abadi"], ["u", "n"], ["kerry", "s"], ["lavrov"], ["лавров"]]);
    expect(words("— … 🎉 ** lavrov")).toEqual([["lavrov"]]); // punctuation alone narrows nothing
  });

  it("takes keys in any case, values in quotes, unknown keys as words, an unclosed quote to the end", () => {
    expect(parseQuery('LABEL:quote ANNOTATOR:"Ana Lima"').filters).toEqual({ label: "quote", annotator: "Ana Lima" });
    expect(parseQuery("status:sent-back").filters).toEqual({ status: "REJECTED" });
    expect(words("10:30 http://example.org/x")).toEqual([
      ["10", "30"],
      ["http", "example", "org", "x"],
    ]);
    expect(parseQuery('"sergey lavrov').terms).toEqual([{ words: ["sergey", "lavrov"], text: "sergey lavrov" }]);
    expect(parseQuery('entity:"Islamic State').filters).toEqual({ entity: "Islamic State" });
  });

  it("says what to change", () => {
    const message = (q: unknown) => {
      try {
        parseQuery(q);
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).status).toBe(400);
        return (err as AppError).message;
      }
      throw new Error(`${String(q)} was accepted`);
    };
    expect(message("")).toMatch(/Type a word/);
    expect(message(" ... ")).toMatch(/Type a word/);
    expect(message("label:")).toBe("label: needs a value, e.g. label:PERSON");
    expect(message('entity:""')).toMatch(/^entity: needs a value/);
    expect(message("label:A label:B")).toMatch(/^label: is given twice/);
    expect(message("layer:mine")).toBe("layer: is one of own, gold, suggestions");
    expect(message("status:done")).toMatch(/^status: is one of submitted/);
    expect(message(`label:${"X".repeat(41)}`)).toBe("label: is longer than 40 characters");
    expect(message(Array.from({ length: MAX_TERMS + 1 }, (_, i) => `w${i}`).join(" "))).toMatch(/at most 8 words or phrases/);
    expect(message(`"${Array.from({ length: 17 }, (_, i) => `w${i}`).join(" ")}"`)).toMatch(/at most 16 words/);
    expect(message("x".repeat(65))).toMatch(/longer than 64 characters/);
    expect(message("a".repeat(501))).toMatch(/at most 500 characters/);
    expect(message(42)).toMatch(/as text/);
  });

  it("tells annotation filters from the project filter", () => {
    expect(hasAnnotationFilter(parseQuery("lavrov project:p").filters)).toBe(false);
    for (const f of ["label:PERSON", "entity:x", "annotator:x", "layer:own", "status:approved"]) expect(hasAnnotationFilter(parseQuery(f).filters)).toBe(true);
  });

  it("turns any input into a valid query of folded words, or a 400, and never lets the typed text into an index query", () => {
    const pieces = [
      "label:",
      "entity:",
      "annotator:",
      "layer:",
      "status:",
      "project:",
      '"',
      " ",
      "Lavrov",
      "NEAR(",
      ")",
      "AND",
      "OR",
      "NOT",
      "*",
      "^",
      "-",
      ":",
      "'",
      "\\",
      "🎉",
      "é",
      "\u0301",
      "\u0000",
      "%",
      "_",
    ];
    const input = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.string({ unit: "grapheme", maxLength: 80 }),
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(input, (q) => {
        let parsed: ParsedQuery;
        try {
          parsed = parseQuery(q);
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).status).toBe(400);
          return;
        }
        expect(ParsedQuery.safeParse(parsed).success).toBe(true);
        for (const t of parsed.terms) for (const w of t.words) expect(w).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}\p{M}]*$/u);
        if (parsed.terms.length > 0) expect(fts5Query(parsed.terms)).toMatch(/^"[\p{L}\p{N}\p{M} ]+"( "[\p{L}\p{N}\p{M} ]+")*$/u);
      }),
      { numRuns: 1000 },
    );
  }, 20_000);
});
