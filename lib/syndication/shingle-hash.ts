/**
 * Shingle hashes for the syndication index: each word's normalised form is
 * hashed once (two independent 32-bit FNV-1a lanes), and the shingle of
 * SHINGLE words starting at i is a polynomial of its words' hashes, folded to
 * 53 bits so it is a safe JavaScript integer and fits a BIGINT column.
 *
 * A hash stands for the shingle key (`shingleKey`): equal keys always give
 * equal hashes; unequal keys collide with probability about 2^-53 per pair,
 * which at worst makes a document a candidate that the exact pairwise match
 * then rejects, or counts a shingle in one document too many.
 */
import { runSliced, type Slicer } from "@/lib/util/time-slice";
import { SHINGLE as SHINGLE_WORDS } from "./match";
import type { Word } from "./words";

const FNV_PRIME = 0x01000193;
const LANE_A = 0x811c9dc5;
const LANE_B = 0x050c5d1f;
const MIX_A = 0x9e3779b1;
const MIX_B = 0x85ebca77;
const TWO_32 = 2 ** 32;
/** a module constant: an imported binding is a getter call on every use in the hot loops */
const SHINGLE = SHINGLE_WORDS;

function fnv(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Hash of the shingle whose words have lane hashes a[i..i+SHINGLE) and b[i..i+SHINGLE). */
function combine(a: Uint32Array, b: Uint32Array, i: number): number {
  let x = LANE_A;
  let y = LANE_B;
  for (let k = i; k < i + SHINGLE; k++) {
    x = Math.imul(x ^ a[k], MIX_A);
    x ^= x >>> 15;
    y = Math.imul(y ^ b[k], MIX_B);
    y ^= y >>> 13;
  }
  return ((y >>> 0) % 2 ** 21) * TWO_32 + (x >>> 0);
}

/** Pushes the hash of every shingle of `words`, in order (one per start position), yielding at checkpoints. */
export function* scanShingleHashes(words: Word[], out: number[]): Generator<void, number[]> {
  const a = new Uint32Array(words.length);
  const b = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    if (i % 2048 === 2047) yield;
    a[i] = fnv(words[i].norm, LANE_A);
    b[i] = fnv(words[i].norm, LANE_B);
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    if (i % 4096 === 4095) yield;
    out.push(combine(a, b, i));
  }
  return out;
}

/** Shingle hashes of `words`, in order (aligned with `shingleKeys(words)`). */
export function shingleHashes(words: Word[]): number[] {
  const out: number[] = [];
  const scan = scanShingleHashes(words, out);
  while (!scan.next().done);
  return out;
}

/** The same, in time slices. */
export function shingleHashesAsync(words: Word[], clock?: Slicer): Promise<number[]> {
  return runSliced(scanShingleHashes(words, []), clock);
}
