import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENTITY_LABELS } from "@/lib/projects/default-labels";
import { TextIndex } from "@/lib/text/offsets";
import { buildSeedGold, formatGold, GOLD_FILE, readGold, readSeedText, seedsDir } from "./seed-gold";
import { resolveMentions } from "./resolve-mentions";

const gold = readGold();
const labels = new Set(ENTITY_LABELS.map((l) => l.name));

describe("seeds/gold-entities.jsonl", () => {
  it("has one line per seed document", () => {
    const manifest = JSON.parse(readFileSync(join(seedsDir(), "manifest.json"), "utf8")) as { documents: { file: string }[] };
    expect(gold.map((d) => d.file)).toEqual(manifest.documents.map((d) => d.file));
  });

  it.each(gold.map((d) => [d.file, d] as const))("%s: every span's text is the slice of the canonical text at its code-point offsets", (_file, doc) => {
    const index = new TextIndex(readSeedText(doc.file));
    for (const s of doc.spans) {
      expect(index.isValidRange(s.start, s.end) && s.start < s.end, `${s.start}..${s.end}`).toBe(true);
      expect(index.slice(s.start, s.end)).toBe(s.text);
      expect(s.text.trim(), "no surrounding whitespace").toBe(s.text);
    }
  });

  it.each(gold.map((d) => [d.file, d] as const))("%s: spans are sorted, do not overlap and carry known labels", (_file, doc) => {
    for (let i = 1; i < doc.spans.length; i++) expect(doc.spans[i].start).toBeGreaterThanOrEqual(doc.spans[i - 1].end);
    for (const s of doc.spans) expect(labels, s.label).toContain(s.label);
  });

  it("is what the hand-made mention lists resolve to (rebuild with build-gold-cli.ts)", () => {
    expect(readFileSync(join(seedsDir(), GOLD_FILE), "utf8")).toBe(formatGold(buildSeedGold()));
  });
});

describe("resolveMentions", () => {
  it("binds mentions in order to whole-word occurrences, in code points", () => {
    const text = "😀 Iraqi Iraq, then Iraq’s 😀 IS is IS";
    const spans = resolveMentions(text, [
      ["Iraq", "GPE"],
      ["Iraq", "GPE"],
      ["IS", "ORG"],
      ["IS", "ORG"],
    ]);
    expect(spans.map((s) => [s.start, s.text])).toEqual([
      [8, "Iraq"],
      [19, "Iraq"],
      [28, "IS"],
      [34, "IS"],
    ]);
  });

  it("finds a listed space as a no-break space, and glued words only when told", () => {
    expect(resolveMentions("of StateJohn\u00a0Kerry", [["John Kerry", "PERSON", { inWord: true }]])[0]).toEqual({
      start: 8,
      end: 18,
      text: "John\u00a0Kerry",
      label: "PERSON",
    });
    expect(() => resolveMentions("of StateJohn Kerry", [["John Kerry", "PERSON"]])).toThrow(/not found/);
  });
});
