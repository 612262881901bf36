/** Per annotator on a project: their layers by status and how many spans they made. */
import { db } from "@/lib/db";
import { LAYER_STATUSES, type LayerStatus } from "@/lib/domain/enums";
import { parseCellKey, type Cells } from "./document-cells";

export type AnnotatorProgress = {
  userId: string;
  name: string;
  layers: Record<LayerStatus, number>;
  spans: number;
};

const noLayers = () => Object.fromEntries(LAYER_STATUSES.map((s) => [s, 0])) as Record<LayerStatus, number>;

/**
 * Everyone with an annotator layer in the project, and the project's active
 * members with the annotator role who have none yet. Sorted by name.
 * `cells`: the project's "all" cells (document-share.ts) with the layer and span counts.
 */
export async function annotatorProgress(opts: { projectId: string; cells: Cells }): Promise<AnnotatorProgress[]> {
  const layers = new Map<string, Record<LayerStatus, number>>();
  const spans = new Map<string, number>();
  for (const [key, n] of opts.cells) {
    const [kind, userId, status] = parseCellKey(key);
    if (kind === "layers") {
      const row = layers.get(String(userId)) ?? noLayers();
      layers.set(String(userId), row);
      if (String(status) in row) row[status as LayerStatus] += n;
    } else if (kind === "spans") spans.set(String(userId), (spans.get(String(userId)) ?? 0) + n);
  }
  const users = await db.user.findMany({
    where: { OR: [{ id: { in: [...layers.keys()] } }, { role: "ANNOTATOR", active: true, memberships: { some: { projectId: opts.projectId } } }] },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return users.map((u) => ({ userId: u.id, name: u.name, layers: layers.get(u.id) ?? noLayers(), spans: spans.get(u.id) ?? 0 }));
}
