/** A long synthetic document made of the seed articles' own words, and spans over it; deterministic. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

export function benchCorpus(opts: { words: number; spans: number; seed?: number }) {
  const vocabulary = readdirSync("seeds")
    .filter((f) => f.endsWith(".txt"))
    .flatMap((f) => readFileSync(join("seeds", f), "utf8").split(/\s+/).filter(Boolean));
  const random = rng(opts.seed ?? 7);
  const words: string[] = [];
  for (let i = 0; i < opts.words; i++) words.push(vocabulary[Math.floor(random() * vocabulary.length)]);
  // Paragraphs of about 120 words, as in news text.
  let text = "";
  const starts: number[] = [];
  words.forEach((w, i) => {
    if (i > 0) text += i % 120 === 0 ? "\n" : " ";
    starts.push(Array.from(text).length);
    text += w;
  });
  const ends = words.map((w, i) => starts[i] + Array.from(w).length);
  const labels = ["PERSON", "ORG", "GPE", "DATE"];
  const spans: { start: number; end: number; label: string }[] = [];
  for (let k = 0; k < opts.spans; k++) {
    const first = Math.floor(random() * (words.length - 3));
    const length = 1 + Math.floor(random() * 3);
    spans.push({ start: starts[first], end: ends[first + length - 1], label: labels[k % labels.length] });
    // About one in ten is nested inside the previous one.
    if (k % 10 === 0 && length > 1 && k + 1 < opts.spans) {
      spans.push({ start: starts[first], end: ends[first], label: "GPE" });
      k++;
    }
  }
  return { text, spans, words: words.length };
}
