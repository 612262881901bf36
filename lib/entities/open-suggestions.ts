import { countBelow } from "@/lib/text/sorted-search";
import type { Occurrence } from "./find-occurrences";

/**
 * Pure: occurrences not covered by a span linked to the same entity, and not
 * dismissed. Linear after sorting: a long report has thousands of each.
 */
export function openSuggestions(
  occurrences: Occurrence[],
  layer: { start: number; end: number; entityId: string | null }[],
  dismissed: { start: number; end: number; entityId: string | null }[],
): Occurrence[] {
  const linked = new Map<string, { start: number; end: number }[]>();
  for (const a of layer) {
    if (!a.entityId) continue;
    const list = linked.get(a.entityId);
    if (list) list.push(a);
    else linked.set(a.entityId, [a]);
  }
  // Per entity: spans by start, with the furthest end reached so far, to ask "does any span before `end` reach past `start`?"
  const reach = new Map<string, { starts: number[]; maxEnd: number[] }>();
  for (const [id, list] of linked) {
    list.sort((x, y) => x.start - y.start);
    let max = -1;
    reach.set(id, { starts: list.map((a) => a.start), maxEnd: list.map((a) => (max = Math.max(max, a.end))) });
  }
  const dismissedKeys = new Set(dismissed.map((d) => `${d.entityId}:${d.start}:${d.end}`));
  return occurrences.filter((o) => {
    if (dismissedKeys.has(`${o.entityId}:${o.start}:${o.end}`)) return false;
    const r = reach.get(o.entityId);
    if (!r) return true;
    const before = countBelow(r.starts, o.end); // spans starting before the occurrence ends
    return before === 0 || r.maxEnd[before - 1] <= o.start;
  });
}
