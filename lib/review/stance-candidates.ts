/**
 * Groups the annotators' stances of one document into review candidates: one
 * per (holder, target), with every stance the compared layers stated on it.
 * The annotators agree when everyone who stated a stance on that holder →
 * target gave it the same polarity (and at least two did: one voice is not
 * an agreement, it is a single stance). Pure: no database here.
 */
import { meetsThreshold, type MergeThreshold } from "./candidates";

export type ReviewStanceEvidence = { annotationId: string; start: number; end: number; text: string };
export type ReviewStance = {
  id: string;
  holder: { id: string; name: string };
  target: { id: string; text: string };
  polarity: string;
  confidence: number;
  documentLevel: boolean;
  note: string;
  reviewState: string;
  evidence: ReviewStanceEvidence[];
};
export type ReviewLayerStances = { layerId: string; stances: ReviewStance[] };
export type GoldStance = { id: string; holderId: string; targetId: string; polarity: string; originId: string | null };

export type StanceEntry = ReviewStance & { layerId: string };
export type StanceAgreement = "agreed" | "disagreed" | "single";
export type StanceCandidate = {
  key: string;
  holder: { id: string; name: string };
  target: { id: string; text: string };
  entries: StanceEntry[];
  /** distinct layers that stated a stance on this holder → target */
  layers: number;
  agreement: StanceAgreement;
  /** the gold stance on this holder → target, if any */
  gold: { id: string; polarity: string; originId: string | null } | null;
};

export const stancePairKey = (holderId: string, targetId: string) => `${holderId}→${targetId}`;

export function stanceAgreement(polarities: readonly string[], layers: number): StanceAgreement {
  if (layers < 2) return "single";
  return new Set(polarities).size === 1 ? "agreed" : "disagreed";
}

export function groupStanceCandidates(layers: ReviewLayerStances[], gold: GoldStance[]): StanceCandidate[] {
  const goldByKey = new Map<string, GoldStance>();
  for (const g of gold) {
    const key = stancePairKey(g.holderId, g.targetId);
    if (!goldByKey.has(key)) goldByKey.set(key, g);
  }
  const byKey = new Map<string, StanceCandidate>();
  for (const layer of layers) {
    for (const s of layer.stances) {
      const key = stancePairKey(s.holder.id, s.target.id);
      let c = byKey.get(key);
      if (!c) {
        const g = goldByKey.get(key);
        c = {
          key,
          holder: s.holder,
          target: s.target,
          entries: [],
          layers: 0,
          agreement: "single",
          gold: g ? { id: g.id, polarity: g.polarity, originId: g.originId } : null,
        };
        byKey.set(key, c);
      }
      c.entries.push({ ...s, layerId: layer.layerId });
    }
  }
  const list = [...byKey.values()];
  for (const c of list) {
    c.layers = new Set(c.entries.map((e) => e.layerId)).size;
    c.agreement = stanceAgreement(
      c.entries.map((e) => e.polarity),
      c.layers,
    );
  }
  return list.sort((a, b) => a.holder.name.localeCompare(b.holder.name) || a.target.text.localeCompare(b.target.text) || a.key.localeCompare(b.key));
}

/**
 * The stance a merge of agreed stances puts into gold for this candidate, or
 * null: the polarity that enough layers stated (all compared layers, or a
 * majority of them) while no layer stated another (unanimous) — and nothing
 * in gold for the pair yet.
 */
export function stanceToMerge(c: StanceCandidate, comparedLayers: number, threshold: MergeThreshold): StanceEntry | null {
  const layersBy = new Map<string, Set<string>>();
  for (const e of c.entries) {
    let set = layersBy.get(e.polarity);
    if (!set) layersBy.set(e.polarity, (set = new Set()));
    set.add(e.layerId);
  }
  if (threshold === "unanimous" && layersBy.size !== 1) return null;
  for (const [polarity, set] of layersBy) {
    if (meetsThreshold(set.size, comparedLayers, threshold)) return c.entries.find((e) => e.polarity === polarity) ?? null;
  }
  return null;
}

/** Where a candidate stands: decided (gold has it), decided otherwise, rejected, or still open. */
export function stanceCandidateState(c: StanceCandidate): "in-gold" | "overruled" | "rejected" | "open" {
  if (c.gold) return c.entries.some((e) => e.polarity === c.gold!.polarity) ? "in-gold" : "overruled";
  if (c.entries.every((e) => e.reviewState === "REJECTED")) return "rejected";
  return "open";
}

/** One stance's own state within its candidate. */
export function stanceEntryState(c: StanceCandidate, e: StanceEntry): "in-gold" | "overruled" | "rejected" | "open" {
  if (e.reviewState === "REJECTED") return "rejected";
  if (c.gold) return c.gold.originId === e.id || c.gold.polarity === e.polarity ? "in-gold" : "overruled";
  return "open";
}
