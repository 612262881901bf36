/**
 * Shared passages between two documents, by word shingles.
 *
 * Thresholds (chosen on the seed corpus, see lib/syndication/seeds.int.test.ts):
 * - SHINGLE = 8 words: shorter shingles start matching stock phrases ("the
 *   Islamic State group in Iraq and Syria"); 8 consecutive equal words are
 *   already rare between independent reports.
 * - MAX_GAP = 4 words: two matched runs on (nearly) the same diagonal are one
 *   passage when at most 4 words in each copy lie between them, which bridges
 *   a damaged word ("efffffffffffforts", "offiffi cials", "collec ting") or a
 *   changed word ("said" / "says"); 8 shingles around a damaged word fail, so
 *   the runs on both sides of it are separated by exactly that word.
 * - MIN_WORDS = 12: a passage shorter than 12 words is dropped, so a shared
 *   headline fragment or a stock phrase is not called syndication.
 * - Boilerplate: a shingle found in more than max(4, half) of the project's
 *   documents is ignored (site furniture such as newsletter footers repeats
 *   across one outlet's pages; a wire story rarely reaches half of a corpus).
 */
import type { Word } from "./words";

export const SHINGLE = 8;
export const MAX_GAP = 4;
export const MIN_WORDS = 12;

export const boilerplateLimit = (documentCount: number) => Math.max(4, Math.floor(documentCount / 2));

/** Words a..a+len of one document align one-to-one with b..b+len of the other. */
export type Segment = { a: number; b: number; len: number };

/** A passage shared by two documents: word ranges [aStart, aEnd) and [bStart, bEnd), aligned by its segments. */
export type PairPassage = { aStart: number; aEnd: number; bStart: number; bEnd: number; segments: Segment[] };

export const shingleKey = (words: Word[], i: number) => {
  let key = words[i].norm;
  for (let k = 1; k < SHINGLE; k++) key += "\u0001" + words[i + k].norm;
  return key;
};

export function shingleKeys(words: Word[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + SHINGLE <= words.length; i++) out.push(shingleKey(words, i));
  return out;
}

/** Where each shingle key (not in `ignore`) starts, in order. */
export function shinglePositions<K>(keys: K[], ignore: ReadonlySet<K>): Map<K, number[]> {
  const where = new Map<K, number[]>();
  keys.forEach((k, j) => {
    if (ignore.has(k)) return;
    const list = where.get(k);
    if (list) list.push(j);
    else where.set(k, [j]);
  });
  return where;
}

/**
 * Passages shared by documents A and B. `ignore` holds shingle keys treated
 * as boilerplate. `pre` passes A's keys and B's positions when they were
 * computed once for many pairs (the same as computing them here); the keys
 * may be shingle hashes instead (lib/syndication/shingle-hash.ts), as long as
 * A's, B's and `ignore` are of one kind. `indicesA` lists, in increasing
 * order, the positions of A that may match B: skipping a position with no
 * match changes nothing (a run not extended there ends either way), so a long
 * A is visited only where B's shingles are.
 */
export function sharedPassages<K = string>(
  a: Word[],
  b: Word[],
  ignore: ReadonlySet<K> = new Set(),
  pre: { keysA?: K[]; whereB?: ReadonlyMap<K, number[]>; indicesA?: Iterable<number> } = {},
): PairPassage[] {
  const keysA = pre.keysA ?? (shingleKeys(a) as K[]);
  const where = pre.whereB ?? shinglePositions(shingleKeys(b) as K[], ignore);
  // runs of consecutive shingle matches on one diagonal → aligned word segments
  const open = new Map<number, Segment>(); // diagonal (j - i) → run still growing
  const segments: Segment[] = [];
  for (const i of pre.indicesA ?? keysA.keys()) {
    const js = where.get(keysA[i]) ?? [];
    const seen = new Set<number>();
    for (const j of js) {
      const d = j - i;
      seen.add(d);
      const run = open.get(d);
      if (run && run.a + run.len - SHINGLE + 1 === i) run.len++;
      else {
        const fresh = { a: i, b: j, len: SHINGLE };
        open.set(d, fresh);
        segments.push(fresh);
      }
    }
    for (const [d, run] of open) if (!seen.has(d) && run.a + run.len - SHINGLE + 1 <= i) open.delete(d);
  }
  segments.sort((x, y) => x.a - y.a || x.b - y.b);
  // merge segments separated by small gaps in both copies into passages
  const passages: PairPassage[] = [];
  for (const s of segments) {
    const last = passages[passages.length - 1];
    if (last) {
      const gapA = s.a - last.aEnd;
      const gapB = s.b - last.bEnd;
      if (gapA >= 0 && gapB >= 0 && gapA <= MAX_GAP && gapB <= MAX_GAP) {
        last.aEnd = s.a + s.len;
        last.bEnd = s.b + s.len;
        last.segments.push(s);
        continue;
      }
      // a run overlapping the previous passage on both sides (repeated words) extends it
      if (gapA < 0 && gapB < 0 && s.a + s.len > last.aEnd && s.b - last.bEnd === s.a - last.aEnd) {
        const cut = last.aEnd - s.a;
        const tail = { a: s.a + cut, b: s.b + cut, len: s.len - cut };
        last.aEnd = tail.a + tail.len;
        last.bEnd = tail.b + tail.len;
        last.segments.push(tail);
        continue;
      }
      if (s.a < last.aEnd) continue; // a second alignment of words already in a passage
    }
    passages.push({ aStart: s.a, aEnd: s.a + s.len, bStart: s.b, bEnd: s.b + s.len, segments: [{ ...s }] });
  }
  return passages.filter((p) => p.aEnd - p.aStart >= MIN_WORDS && p.bEnd - p.bStart >= MIN_WORDS);
}

/**
 * The word of B aligned with word `i` of A inside a passage: exact inside a
 * segment; inside a gap between two segments the gap's words are paired in
 * order when both copies have the same number of them (one damaged or changed
 * word); otherwise null.
 */
export function alignWord(p: PairPassage, i: number): number | null {
  for (let k = 0; k < p.segments.length; k++) {
    const s = p.segments[k];
    if (i >= s.a && i < s.a + s.len) return s.b + (i - s.a);
    const next = p.segments[k + 1];
    if (next && i >= s.a + s.len && i < next.a) {
      const gapA = next.a - (s.a + s.len);
      const gapB = next.b - (s.b + s.len);
      return gapA === gapB ? s.b + s.len + (i - s.a - s.len) : null;
    }
  }
  return null;
}
