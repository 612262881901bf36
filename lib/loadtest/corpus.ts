/** The load test's texts: made by the bench's generator (deterministic), one import file of many documents. */
import { benchCorpus } from "@/lib/bench/corpus";
import { nativeImportLine } from "@/lib/bench/workload";

/** One document for the annotators, with its word boundaries (code points). */
export function workDocument(seed: number, words: number) {
  const c = benchCorpus({ words, spans: 1, seed, passages: 0 });
  return { title: `Load test ${seed}`, text: c.text, wordStarts: c.wordStarts, wordEnds: c.wordEnds };
}

/**
 * `count` documents of about `words` words and `spans` (+0.4 on average) spans each, as one
 * native JSONL file (distinct texts: the import refuses duplicates).
 */
export function importFile(count: number, words: number, spans: number): { body: string; spans: number } {
  const lines: string[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const c = benchCorpus({ words, spans: spans + (i % 5 < 2 ? 1 : 0), seed: 1000 + i, passages: 0 });
    total += c.spans.length;
    lines.push(nativeImportLine(`Report ${i + 1}`, c.text, c.spans));
  }
  return { body: lines.join(""), spans: total };
}
