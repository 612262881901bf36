/**
 * One proposal per stretch of text: where candidates overlap, the lower
 * tier wins (the registry's matches first), then the longer span, then the
 * source preferred on a tie, then the earlier span.
 */
import type { Candidate } from "./compromise-spans";

export function resolveOverlaps(candidates: readonly Candidate[], length: number): Candidate[] {
  const order = [...candidates].sort((a, b) => a.tier - b.tier || b.to - b.from - (a.to - a.from) || a.prefer - b.prefer || a.from - b.from);
  const taken = new Uint8Array(length);
  const kept: Candidate[] = [];
  for (const c of order) {
    if (taken.subarray(c.from, c.to).includes(1)) continue;
    taken.fill(1, c.from, c.to);
    kept.push(c);
  }
  return kept.sort((a, b) => a.from - b.from);
}
