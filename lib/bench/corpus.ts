/**
 * A long synthetic document made of the seed articles' own words, and spans
 * over it; deterministic (same options → same text and spans).
 *
 * - Paragraphs of about 120 words, as in news text.
 * - A few emoji (astral code points, one flag of two), so that UTF-16 offsets,
 *   code points and editor positions all differ after the first one.
 * - A few verbatim passages of the seed articles woven in as paragraphs, so
 *   that syndication finds shared passages with the seed documents.
 * - Spans of one to three words; about one in ten overlaps or nests in the
 *   span before it (alternately crossing it and sitting inside it), the rest
 *   do not touch each other.
 * Offsets are code points of the text, end exclusive (the import's default).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export type BenchSpan = { start: number; end: number; label: string };
export type BenchCorpus = {
  text: string;
  spans: BenchSpan[];
  words: number;
  codePoints: number;
  emoji: number;
  passages: number;
  /** code point offsets where each generated word starts and ends */
  wordStarts: number[];
  wordEnds: number[];
};

export const SPAN_LABELS = ["PERSON", "ORG", "GPE", "DATE", "LOC", "NORP"];
const EMOJI = ["🙂", "🇮🇶", "📰", "🛰️", "👍🏽", "🔥", "🕊"];
const WORDS_PER_PARAGRAPH = 120;
const EMOJI_EVERY = 2_500; // words
const PASSAGE_WORDS = 40;

export function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

const cpLength = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

function seedTexts(dir = "seeds") {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

export function benchCorpus(opts: {
  /** how many words (ignored when codePoints is given) */
  words?: number;
  /** an exact length in code points: words are added until it is reached, the last one cut to fit */
  codePoints?: number;
  spans: number;
  seed?: number;
  /** seed-article passages woven in (default 3) */
  passages?: number;
}): BenchCorpus {
  const texts = seedTexts();
  const vocabulary = texts.flatMap((t) => t.split(/\s+/).filter(Boolean));
  const random = rng(opts.seed ?? 7);
  const target = opts.codePoints;
  const wordGoal = target ? Infinity : (opts.words ?? 50_000);

  // Passages: PASSAGE_WORDS consecutive words of one seed article, a different article each time.
  const passageCount = opts.passages ?? 3;
  const passages: string[][] = [];
  for (let p = 0; p < passageCount; p++) {
    const words = texts[((opts.seed ?? 7) + p) % texts.length].split(/\s+/).filter(Boolean);
    const from = Math.floor(words.length / 3);
    passages.push(words.slice(from, from + PASSAGE_WORDS));
  }
  const approxWords = target ? Math.ceil(target / 6.2) : wordGoal;
  const passageAt = new Map(passages.map((p, i) => [Math.floor(((i + 1) * approxWords) / (passageCount + 1 + 0.5)), p]));

  const tokens: string[] = []; // words, each preceded by its separator in seps
  const seps: string[] = [];
  let cp = 0;
  let emoji = 0;
  let inParagraph = 0;
  const push = (word: string, sep: string) => {
    const add = (tokens.length ? cpLength(sep) : 0) + cpLength(word);
    tokens.push(word);
    seps.push(tokens.length === 1 ? "" : sep);
    cp += add;
  };
  while (tokens.length < wordGoal) {
    const i = tokens.length;
    const passage = passageAt.get(i);
    if (passage && i > 0) {
      passage.forEach((w, k) => push(w, k === 0 ? "\n" : " "));
      inParagraph = WORDS_PER_PARAGRAPH; // the passage is a paragraph of its own
      continue;
    }
    let word = vocabulary[Math.floor(random() * vocabulary.length)];
    if (i > 0 && i % EMOJI_EVERY === 17) {
      word = `${word}${EMOJI[emoji % EMOJI.length]}`;
      emoji++;
    }
    const sep = inParagraph >= WORDS_PER_PARAGRAPH ? "\n" : " ";
    inParagraph = sep === "\n" ? 0 : inParagraph;
    if (target !== undefined) {
      const room = target - cp - (tokens.length ? 1 : 0);
      if (room <= 0) break;
      if (cpLength(word) >= room || room - cpLength(word) <= 2) {
        // the last word: cut or padded to land exactly on the target
        const chars = Array.from(word.replace(/[^\p{L}\p{N}]/gu, "") || "x");
        while (chars.length < room) chars.push("x");
        push(chars.slice(0, room).join(""), sep);
        break;
      }
    }
    push(word, sep);
    inParagraph++;
  }

  let text = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  tokens.forEach((w, i) => {
    text += seps[i] + w;
    at += cpLength(seps[i]);
    starts.push(at);
    at += cpLength(w);
    ends.push(at);
  });
  if (target !== undefined && at !== target) throw new Error(`bench corpus: wanted ${target} code points, made ${at}`);

  // Spans: one base span in each of `base` equal slots of words, so they reach the end of the text and
  // never touch each other; every tenth gets a companion that crosses or nests in it.
  const spans: BenchSpan[] = [];
  const n = tokens.length;
  const base = Math.ceil(opts.spans / 1.1);
  const slot = n / base;
  for (let k = 0; k < base && spans.length < opts.spans; k++) {
    const lo = Math.floor(k * slot);
    const room = Math.floor((k + 1) * slot) - lo; // words in this slot
    const length = Math.min(1 + Math.floor(random() * 3), Math.max(1, room - 2));
    const first = Math.min(n - 1, lo + Math.floor(random() * Math.max(1, room - length - 1)));
    const last = Math.min(n - 1, first + length - 1);
    spans.push({ start: starts[first], end: ends[last], label: SPAN_LABELS[k % SPAN_LABELS.length] });
    if (k % 10 === 9 && spans.length < opts.spans && last + 1 < n) {
      const companion =
        (k / 10) % 2 < 1
          ? // crossing: from its last word to one word beyond it
            { start: starts[last], end: ends[last + 1] }
          : // nested: its first word only, or a wrapper when it has one word
            length > 1
            ? { start: starts[first], end: ends[first] }
            : { start: starts[first], end: ends[first + 1] };
      spans.push({ ...companion, label: SPAN_LABELS[(k + 2) % SPAN_LABELS.length] });
    }
  }
  return { text, spans, words: n, codePoints: at, emoji, passages: passageCount, wordStarts: starts, wordEnds: ends };
}
