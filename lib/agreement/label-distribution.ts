/** How often each label was used: in the counted annotator layers, and in the gold layers. */
import { db } from "@/lib/db";
import type { LayerStatus } from "@/lib/domain/enums";
import { countedLayerWhere } from "./counted-layers";

export type LabelCount = { labelId: string; annotators: number; gold: number };

export async function labelDistribution(opts: { projectId: string; statuses: readonly LayerStatus[] }): Promise<LabelCount[]> {
  const [annotators, gold] = await Promise.all([
    db.annotation.groupBy({ by: ["labelId"], where: { layer: countedLayerWhere(opts.projectId, opts.statuses) }, _count: { _all: true } }),
    db.annotation.groupBy({ by: ["labelId"], where: { layer: { kind: "GOLD", document: { projectId: opts.projectId } } }, _count: { _all: true } }),
  ]);
  const out = new Map<string, LabelCount>();
  const row = (labelId: string) => {
    let r = out.get(labelId);
    if (!r) out.set(labelId, (r = { labelId, annotators: 0, gold: 0 }));
    return r;
  };
  for (const g of annotators) row(g.labelId).annotators = g._count._all;
  for (const g of gold) row(g.labelId).gold = g._count._all;
  return [...out.values()];
}
