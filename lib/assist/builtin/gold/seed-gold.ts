/**
 * The gold entity layer of the seed articles: seeds/gold-entities.jsonl, one
 * line per document, code-point offsets into the canonical text. Built from
 * the hand-made lists in seed-mentions.ts by build-gold-cli.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { canonicalizeText } from "@/lib/text/offsets";
import { SEED_GOLD_MENTIONS } from "./seed-mentions";
import { resolveMentions, type GoldSpan } from "./resolve-mentions";

export const GOLD_FILE = "gold-entities.jsonl";

const GoldLine = z.object({
  file: z.string(),
  spans: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), text: z.string(), label: z.string() })),
});
export type GoldDocument = z.infer<typeof GoldLine>;

export const seedsDir = () => join(process.cwd(), "seeds");

/** The canonical text of a seed file, as the import stores it. */
export const readSeedText = (file: string, dir = seedsDir()) => canonicalizeText(readFileSync(join(dir, file), "utf8"));

export function buildSeedGold(dir = seedsDir()): { file: string; text: string; spans: GoldSpan[] }[] {
  return Object.entries(SEED_GOLD_MENTIONS).map(([file, mentions]) => {
    const text = readSeedText(file, dir);
    return { file, text, spans: resolveMentions(text, mentions) };
  });
}

export const formatGold = (docs: readonly { file: string; spans: readonly GoldSpan[] }[]) =>
  docs.map((d) => JSON.stringify({ file: d.file, spans: d.spans.map(({ start, end, text, label }) => ({ start, end, text, label })) })).join("\n") + "\n";

export function readGold(dir = seedsDir()): GoldDocument[] {
  return readFileSync(join(dir, GOLD_FILE), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => GoldLine.parse(JSON.parse(line)));
}
