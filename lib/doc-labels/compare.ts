/**
 * Document labels side by side (pure): per set, what each compared annotator
 * layer chose, how many layers hold each choice, whether they all agree, and
 * which choices an agreed merge would put into gold.
 */
import { meetsThreshold, type MergeThreshold } from "@/lib/review/candidates";

export type CompareSet = { id: string; name: string; multiple: boolean; choices: { id: string; name: string }[] };
export type CompareLayer = { id: string; choiceIds: readonly string[] };

export type SetComparison = {
  setId: string;
  /** per layer (in the order given), the ids of its choices in this set */
  byLayer: Record<string, string[]>;
  /** per choice id held by some layer, the ids of the layers holding it */
  support: Record<string, string[]>;
  /** every compared layer made the same choices in this set (and at least one layer chose) */
  agreed: boolean;
};

export function compareSet(set: CompareSet, layers: readonly CompareLayer[]): SetComparison {
  const ids = new Set(set.choices.map((c) => c.id));
  const byLayer: Record<string, string[]> = {};
  const support: Record<string, string[]> = {};
  for (const l of layers) {
    byLayer[l.id] = l.choiceIds.filter((id) => ids.has(id));
    for (const id of byLayer[l.id]) (support[id] ??= []).push(l.id);
  }
  const key = (l: CompareLayer) => [...byLayer[l.id]].sort().join(",");
  const agreed = layers.length > 0 && Object.keys(support).length > 0 && layers.every((l) => key(l) === key(layers[0]));
  return { setId: set.id, byLayer, support, agreed };
}

/**
 * The choices of a set an agreed merge puts into gold: those held by enough layers (`threshold`), never one
 * the reviewer rejected; in a single-choice set only when exactly one qualifies and gold holds none of the set yet.
 */
export function agreedChoices(
  set: CompareSet,
  comparison: SetComparison,
  opts: { layers: number; threshold: MergeThreshold; gold: readonly string[]; rejected: ReadonlySet<string> },
): string[] {
  const qualifying = Object.entries(comparison.support)
    .filter(([id, holders]) => !opts.rejected.has(id) && meetsThreshold(holders.length, opts.layers, opts.threshold))
    .map(([id]) => id);
  if (set.multiple) return qualifying.filter((id) => !opts.gold.includes(id));
  const goldHasOne = set.choices.some((c) => opts.gold.includes(c.id));
  return !goldHasOne && qualifying.length === 1 ? qualifying : [];
}
