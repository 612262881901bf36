/** Stacking depth of overlapping spans, so each gets its own underline offset. Pure. */
import type { Span } from "./types";

export function stackDepths<T extends Span>(spans: T[]): Map<T, number> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const active: { end: number; depth: number }[] = [];
  const depths = new Map<T, number>();
  for (const s of sorted) {
    for (let i = active.length - 1; i >= 0; i--) if (active[i].end <= s.start) active.splice(i, 1);
    const used = new Set(active.map((a) => a.depth));
    let depth = 0;
    while (used.has(depth)) depth++;
    depths.set(s, depth);
    active.push({ end: s.end, depth });
  }
  return depths;
}
