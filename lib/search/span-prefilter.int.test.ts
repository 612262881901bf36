/**
 * The SQL prefilter of span texts (search-clauses.ts spanTextMayHold) keeps
 * every span the exact check (match-text.ts holdsAllTerms) accepts, on the
 * database itself: texts of ASCII and punctuation, accented letters, the
 * Kelvin sign, combining marks, other scripts; words taken from the text or
 * made up. It may keep more (the exact check follows); it drops plain texts
 * that lack a word.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getSql } from "@/lib/db/sql";
import { foldedWords } from "./fold";
import { holdsAllTerms } from "./match-text";
import { spanTextMayHold } from "./search-clauses";

const LETTERS = ["a", "e", "k", "l", "o", "r", "v", "A", "K", "L", "V", "é", "È", "ö", "\u212a", "\u0301", "ß", "л", "Л", "1", "ﬁ"];
const SEPARATORS = [" ", "\n", "’", " — ", "-", ".", "“", "\u00a0", "\t"];
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 6 }).map((l) => l.join(""));
const text = fc.array(fc.tuple(word, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 8 }).map((parts) => parts.map(([w, s]) => w + s).join(""));

async function prefilterKeeps(t: string, words: string[]): Promise<boolean> {
  const sql = await getSql();
  const c = spanTextMayHold([{ words }], sql.provider === "sqlite");
  const row = await sql.one<{ ok: unknown }>(`SELECT CASE WHEN ${c.sql} THEN 1 ELSE 0 END AS "ok" FROM (SELECT CAST(? AS TEXT) AS "text") a`, [...c.params, t]);
  return Number(row?.ok) === 1;
}

describe("the SQL prefilter of span texts", () => {
  it("keeps every span whose text holds the words", async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.nat(), word, fc.boolean(), async (t, pick, other, fromText) => {
        const own = foldedWords(t);
        const words = fromText && own.length > 0 ? [own[pick % own.length]] : foldedWords(other).slice(0, 1);
        if (words.length === 0) return;
        if (holdsAllTerms([{ words }])(t)) expect(await prefilterKeeps(t, words)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("drops plain texts without the word and keeps accented spellings of it", async () => {
    expect(await prefilterKeeps("Sergey V. Lavrov’s visit — “today”", ["lavrov"])).toBe(true);
    expect(await prefilterKeeps("Sergey V. Lavrov’s visit", ["kerry"])).toBe(false);
    expect(await prefilterKeeps("LAVROV\nsaid", ["lavrov"])).toBe(true);
    expect(await prefilterKeeps("Lávrov", ["lavrov"])).toBe(true);
    expect(await prefilterKeeps("\u212aerry", ["kerry"])).toBe(true);
    expect(await prefilterKeeps("Lave\u0301rov", ["laverov"])).toBe(true);
  });
});
