/**
 * Groups the annotators' spans of one document into review candidates: one
 * per distinct (start, end, label), with the layers that marked it. A
 * candidate every compared layer marked is agreed; anything less is a
 * disagreement the reviewer adjudicates.
 */
export type ReviewSpan = { id: string; start: number; end: number; label: string; text: string; reviewState: string };
export type ReviewLayerSpans = { layerId: string; annotations: ReviewSpan[] };
export type GoldSpan = { id: string; start: number; end: number; label: string };

export type Support = { layerId: string; annotationId: string; reviewState: string };
export type Candidate = {
  key: string;
  start: number;
  end: number;
  label: string;
  text: string;
  support: Support[];
  /** every compared layer marked exactly this span with this label */
  agreed: boolean;
  /** the gold annotation with the same span and label, if any */
  goldId: string | null;
  /** gold holds the same span with another label: the reviewer decided for that one */
  overruled: boolean;
};

export type MergeThreshold = "unanimous" | "majority";

export const spanKey = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;

export function meetsThreshold(support: number, layers: number, threshold: MergeThreshold): boolean {
  if (layers === 0 || support === 0) return false;
  return threshold === "unanimous" ? support === layers : support * 2 > layers;
}

export function groupCandidates(layers: ReviewLayerSpans[], gold: GoldSpan[]): Candidate[] {
  const goldByKey = new Map(gold.map((g) => [spanKey(g), g.id]));
  const goldRanges = new Set(gold.map((g) => `${g.start}:${g.end}`));
  const byKey = new Map<string, Candidate>();
  for (const layer of layers) {
    const seen = new Set<string>();
    for (const a of layer.annotations) {
      const key = spanKey(a);
      if (seen.has(key)) continue; // the same span twice in one layer counts once
      seen.add(key);
      let c = byKey.get(key);
      if (!c) {
        c = { key, start: a.start, end: a.end, label: a.label, text: a.text, support: [], agreed: false, goldId: goldByKey.get(key) ?? null, overruled: false };
        c.overruled = !c.goldId && goldRanges.has(`${a.start}:${a.end}`);
        byKey.set(key, c);
      }
      c.support.push({ layerId: layer.layerId, annotationId: a.id, reviewState: a.reviewState });
    }
  }
  const list = [...byKey.values()];
  for (const c of list) c.agreed = layers.length > 0 && c.support.length === layers.length;
  return list.sort((a, b) => a.start - b.start || b.end - a.end || a.label.localeCompare(b.label));
}
