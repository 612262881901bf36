/**
 * Writes seeds/gold-entities.jsonl from seed-mentions.ts and prints what a
 * reviewer of the lists should look at: occurrences of a listed text left
 * unlabelled, and capitalised words no gold span covers.
 *
 *   npx tsx lib/assist/builtin/gold/build-gold-cli.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSeedGold, formatGold, GOLD_FILE, seedsDir } from "./seed-gold";
import { unlistedOccurrences } from "./resolve-mentions";
import { SEED_GOLD_MENTIONS } from "./seed-mentions";

const docs = buildSeedGold();
writeFileSync(join(seedsDir(), GOLD_FILE), formatGold(docs));
for (const doc of docs) {
  const chars = Array.from(doc.text);
  const covered = new Uint8Array(chars.length);
  for (const s of doc.spans) covered.fill(1, s.start, s.end);
  const bare = new Map<string, number>();
  let cp = 0;
  for (const m of doc.text.matchAll(/[\p{Lu}][\p{L}.'’-]*/gu)) {
    cp = Array.from(doc.text.slice(0, m.index)).length;
    if (!covered[cp]) bare.set(m[0], (bare.get(m[0]) ?? 0) + 1);
  }
  const unlisted = unlistedOccurrences(doc.text, SEED_GOLD_MENTIONS[doc.file], doc.spans);
  console.log(`${doc.file}: ${doc.spans.length} spans`);
  if (unlisted.length > 0) console.log(`  listed text left unlabelled: ${unlisted.map((u) => `${u.text}@${u.start}`).join(", ")}`);
  console.log(`  capitalised words outside gold: ${[...bare].map(([w, n]) => (n > 1 ? `${w}×${n}` : w)).join(" ")}`);
}
