/** The stance view: per target, who holds what across the corpus. Pure: no database here. */
import { POLARITIES, type Polarity } from "./stance-input";

export type StanceItem = {
  id: string;
  target: { id: string; text: string };
  holder: { id: string; name: string; type: string };
  polarity: Polarity;
  confidence: number;
  documentLevel: boolean;
  document: { id: string; title: string };
  layer: string;
  evidence: { annotationId: string; start: number; end: number; text: string }[];
};

export type HolderRow = {
  holder: { id: string; name: string; type: string };
  counts: Record<Polarity, number>;
  meanConfidence: number;
  stances: StanceItem[];
};

export type TargetSummary = { target: { id: string; text: string }; counts: Record<Polarity, number>; total: number; holders: HolderRow[] };

const zero = (): Record<Polarity, number> => ({ FAVOR: 0, AGAINST: 0, NEUTRAL: 0, UNCLEAR: 0 });

/** Groups stances by target (in the given target order; targets without stances too) and holder (most stances first, then name). */
export function summarizeStances(targets: { id: string; text: string }[], items: StanceItem[]): TargetSummary[] {
  return targets.map((target) => {
    const mine = items.filter((s) => s.target.id === target.id);
    const byHolder = new Map<string, HolderRow>();
    const counts = zero();
    for (const s of mine) {
      counts[s.polarity]++;
      let row = byHolder.get(s.holder.id);
      if (!row) byHolder.set(s.holder.id, (row = { holder: s.holder, counts: zero(), meanConfidence: 0, stances: [] }));
      row.counts[s.polarity]++;
      row.stances.push(s);
    }
    const holders = [...byHolder.values()].map((r) => ({ ...r, meanConfidence: r.stances.reduce((sum, s) => sum + s.confidence, 0) / r.stances.length }));
    holders.sort((a, b) => b.stances.length - a.stances.length || a.holder.name.localeCompare(b.holder.name));
    return { target, counts, total: mine.length, holders };
  });
}

/** Widths (percent, summing to 100 when total > 0) of a stacked polarity bar. */
export function polarityShares(counts: Record<Polarity, number>): { polarity: Polarity; count: number; percent: number }[] {
  const total = POLARITIES.reduce((n, p) => n + counts[p], 0);
  return POLARITIES.map((p) => ({ polarity: p, count: counts[p], percent: total === 0 ? 0 : (counts[p] / total) * 100 }));
}
