/**
 * Syndication across a set of documents (pure): which passages each document
 * shares with which other, in code point offsets of both texts, and how a
 * span on one copy maps to the same words on another.
 */
import { syndicationWords, type Word } from "./words";
import { alignWord, boilerplateLimit, sharedPassages, shingleKeys, shinglePositions, type PairPassage } from "./match";
import { slicer } from "@/lib/util/time-slice";
import { shingleHashes } from "./shingle-hash";

export type CorpusDocument = { id: string; title: string; text: string };

export type Copy = { documentId: string; title: string; start: number; end: number; text: string };
/** A passage of one document with where it also appears. */
export type DocumentPassage = { start: number; end: number; text: string; copies: Copy[] };

type Pair = { other: string; passage: PairPassage };

/** What `SyndicationIndex` needs of a document; words may be computed beforehand (in time slices). */
export type IndexedDocument = CorpusDocument & { words?: Word[] };

/**
 * Only the pairs of one document (`focusId`) with each of the others, with
 * the boilerplate shingles given as hashes (lib/syndication/shingle-hash.ts:
 * shingles found in too many documents of the project, as the database index
 * counts them), and the focus document's shingle hashes when already known.
 */
export type Neighbourhood = { focusId: string; ignore: ReadonlySet<number>; focusHashes?: number[] };

export class SyndicationIndex {
  readonly docs = new Map<string, CorpusDocument & { words: Word[]; chars: string[] }>();
  /** document id → its passages with each other document (A = that document) */
  private readonly pairs = new Map<string, Pair[]>();

  /**
   * Every pair of `documents` (the whole corpus in memory, for tests and small
   * sets). With `around` no pair yet: use SyndicationIndex.around, whose index
   * answers for the focus document alone.
   */
  constructor(documents: IndexedDocument[], around?: Neighbourhood) {
    for (const d of documents) this.docs.set(d.id, withLazyChars({ id: d.id, title: d.title, text: d.text, words: d.words ?? syndicationWords(d.text) }));
    const list = [...this.docs.values()];
    for (const d of list) this.pairs.set(d.id, []);
    if (around) return; // pairs added by SyndicationIndex.around
    // shingles found in too many documents are boilerplate
    const docCount = new Map<string, number>();
    for (const d of list) for (const k of new Set(shingleKeys(d.words))) docCount.set(k, (docCount.get(k) ?? 0) + 1);
    const limit = boilerplateLimit(list.length);
    const ignore = new Set([...docCount].filter(([, n]) => n > limit).map(([k]) => k));
    const shared = new Set([...docCount].filter(([, n]) => n > 1).map(([k]) => k));
    for (let x = 0; x < list.length; x++) {
      const keysX = new Set(shingleKeys(list[x].words).filter((k) => shared.has(k)));
      if (keysX.size === 0) continue;
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x];
        const b = list[y];
        if (!shingleKeys(b.words).some((k) => keysX.has(k))) continue;
        this.addPair(a, b, ignore);
      }
    }
  }

  /**
   * Only the focus document's pairs, in the order the whole-corpus
   * constructor makes them (other documents by id), matched on shingle
   * hashes. The focus document's shingle positions are mapped once (in time
   * slices); each pair then costs the other document's length, not the
   * focus document's: where the focus document is A, only its positions
   * holding one of B's shingles are visited.
   */
  static async around(documents: IndexedDocument[], around: Neighbourhood): Promise<SyndicationIndex> {
    const index = new SyndicationIndex(documents, around);
    const focus = index.docs.get(around.focusId);
    if (!focus) return index;
    const clock = slicer();
    const keys = around.focusHashes ?? shingleHashes(focus.words);
    const where = new Map<number, number[]>();
    for (let j = 0; j < keys.length; j++) {
      if (j % 1024 === 0 && clock.due()) await clock.pause();
      if (around.ignore.has(keys[j])) continue;
      const list = where.get(keys[j]);
      if (list) list.push(j);
      else where.set(keys[j], [j]);
    }
    const others = [...index.docs.values()].filter((d) => d.id !== focus.id).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    for (const other of others) {
      if (clock.due()) await clock.pause();
      const otherKeys = shingleHashes(other.words);
      if (focus.id < other.id) {
        const whereB = shinglePositions(otherKeys, around.ignore);
        const hits: number[] = [];
        for (const k of whereB.keys()) for (const i of where.get(k) ?? []) hits.push(i);
        if (hits.length === 0) continue;
        hits.sort((x, y) => x - y);
        index.addPair(focus, other, around.ignore, { keysA: keys, whereB, indicesA: new Set(hits) });
      } else index.addPair(other, focus, around.ignore, { keysA: otherKeys, whereB: where });
    }
    return index;
  }

  private addPair<K>(
    a: { id: string; words: Word[] },
    b: { id: string; words: Word[] },
    ignore: ReadonlySet<K>,
    pre?: Parameters<typeof sharedPassages<K>>[3],
  ) {
    for (const p of sharedPassages<K>(a.words, b.words, ignore, pre)) {
      this.pairs.get(a.id)!.push({ other: b.id, passage: p });
      this.pairs.get(b.id)!.push({ other: a.id, passage: flip(p) });
    }
  }

  /** Code point range of words [from, to) of a document. */
  private range(docId: string, from: number, to: number) {
    const d = this.docs.get(docId)!;
    return { start: d.words[from].start, end: d.words[to - 1].end };
  }

  private readonly astral = new Map<string, boolean>();

  private slice(docId: string, start: number, end: number) {
    const text = this.docs.get(docId)!.text;
    let astral = this.astral.get(docId);
    if (astral === undefined) this.astral.set(docId, (astral = ASTRAL.test(text)));
    return astral ? codePointSlice(text, start, end) : text.slice(start, end);
  }

  /** Passages of `docId` shared with other documents, overlapping ones merged, in text order. */
  passagesOf(docId: string): DocumentPassage[] {
    const pairs = (this.pairs.get(docId) ?? []).map((p) => ({ ...p, here: this.range(docId, p.passage.aStart, p.passage.aEnd) }));
    pairs.sort((x, y) => x.here.start - y.here.start);
    const out: DocumentPassage[] = [];
    for (const p of pairs) {
      const there = this.range(p.other, p.passage.bStart, p.passage.bEnd);
      const other = this.docs.get(p.other)!;
      const copy: Copy = { documentId: p.other, title: other.title, ...there, text: this.slice(p.other, there.start, there.end) };
      const last = out[out.length - 1];
      if (last && p.here.start < last.end) {
        last.end = Math.max(last.end, p.here.end);
        const prior = last.copies.find((c) => c.documentId === p.other);
        if (prior) {
          prior.start = Math.min(prior.start, there.start);
          prior.end = Math.max(prior.end, there.end);
          prior.text = this.slice(p.other, prior.start, prior.end);
        } else last.copies.push(copy);
      } else out.push({ ...p.here, text: "", copies: [copy] });
    }
    for (const p of out) p.text = this.slice(docId, p.start, p.end);
    return out;
  }

  /**
   * Other documents whose words contain the words of the span [start, end)
   * of `docId` anywhere (as a cited source's name would reappear), whether
   * in a shared passage or not.
   */
  documentsMentioning(docId: string, start: number, end: number): string[] {
    const d = this.docs.get(docId);
    if (!d) return [];
    const needle = d.words.filter((w) => w.start >= start && w.end <= end).map((w) => w.norm);
    if (needle.length === 0) return [];
    const out: string[] = [];
    for (const [id, o] of this.docs) {
      if (id === docId) continue;
      for (let i = 0; i + needle.length <= o.words.length; i++) {
        if (needle.every((n, k) => o.words[i + k].norm === n)) {
          out.push(id);
          break;
        }
      }
    }
    return out;
  }

  /** Other documents holding the span [start, end) of `docId` as part of a shared passage. */
  copiesOfSpan(docId: string, start: number, end: number): string[] {
    return [...new Set(this.mapSpan(docId, start, end).map((m) => m.documentId))];
  }

  /**
   * The span [start, end) of `docId` on each other copy: the first and last
   * word it touches are aligned through the passage, and whatever it takes
   * of those words (or of the punctuation right outside them) is taken of
   * theirs when the characters there are the same.
   */
  mapSpan(docId: string, start: number, end: number): { documentId: string; start: number; end: number; text: string }[] {
    const d = this.docs.get(docId);
    if (!d || start >= end) return [];
    const first = d.words.findIndex((w) => w.end > start);
    let last = -1;
    for (let i = d.words.length - 1; i >= 0; i--)
      if (d.words[i].start < end) {
        last = i;
        break;
      }
    if (first === -1 || last < first) return [];
    const out: { documentId: string; start: number; end: number; text: string }[] = [];
    for (const { other, passage } of this.pairs.get(docId) ?? []) {
      if (first < passage.aStart || last >= passage.aEnd) continue;
      if (out.some((o) => o.documentId === other)) continue;
      const bf = alignWord(passage, first);
      const bl = alignWord(passage, last);
      if (bf === null || bl === null || bl < bf) continue;
      const o = this.docs.get(other)!;
      const wa = d.words[first];
      const wb = o.words[bf];
      const za = d.words[last];
      const zb = o.words[bl];
      const s = edge(d.chars, o.chars, start, wa.start, wb.start, wa.end - wa.start, wb.end - wb.start, "start");
      const e = edge(d.chars, o.chars, end, za.end, zb.end, za.end - za.start, zb.end - zb.start, "end");
      if (s >= e) continue;
      out.push({ documentId: other, start: s, end: e, text: o.chars.slice(s, e).join("") });
    }
    return out;
  }
}

/**
 * Where a span edge lands on the other copy. `anchorA`/`anchorB` are the
 * word's start (edge "start") or end (edge "end"); `delta` is how far the
 * edge lies from that anchor in A. Inside the word, the same distance is
 * kept when the words are equally long; outside it (a leading quote, a
 * trailing full stop) the same characters must be there in B.
 */
function edge(a: string[], b: string[], pos: number, anchorA: number, anchorB: number, lenA: number, lenB: number, kind: "start" | "end"): number {
  const inward = kind === "start" ? pos - anchorA : anchorA - pos; // > 0: inside the word
  if (inward > 0) return lenA === lenB ? (kind === "start" ? anchorB + inward : anchorB - inward) : anchorB;
  let n = -inward; // characters outside the word
  let ok = 0;
  while (ok < n) {
    const ia = kind === "start" ? anchorA - ok - 1 : anchorA + ok;
    const ib = kind === "start" ? anchorB - ok - 1 : anchorB + ok;
    if (ib < 0 || ib >= b.length || a[ia] !== b[ib]) break;
    ok++;
  }
  n = ok;
  return kind === "start" ? anchorB - n : anchorB + n;
}

const ASTRAL = /[\uD800-\uDFFF]/;

/** text[start, end) in code points (a walk from the start: for texts with astral characters). */
function codePointSlice(text: string, start: number, end: number): string {
  let cp = 0;
  let i = 0;
  let from = -1;
  while (i < text.length && cp < end) {
    if (cp === start) from = i;
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    cp++;
  }
  if (from < 0) from = cp === start ? i : text.length;
  return text.slice(from, i);
}

/** Code points of the text, split only when a span is mapped onto it. */
function withLazyChars<T extends { text: string }>(d: T): T & { chars: string[] } {
  let chars: string[] | undefined;
  return Object.defineProperty(d, "chars", { get: () => (chars ??= Array.from(d.text)), enumerable: true }) as T & { chars: string[] };
}

function flip(p: PairPassage): PairPassage {
  return {
    aStart: p.bStart,
    aEnd: p.bEnd,
    bStart: p.aStart,
    bEnd: p.aEnd,
    segments: p.segments.map((s) => ({ a: s.b, b: s.a, len: s.len })).sort((x, y) => x.a - y.a),
  };
}
