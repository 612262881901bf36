/** Per annotator on a project: their layers by status and how many spans they made. */
import { db } from "@/lib/db";
import { LAYER_STATUSES, type LayerStatus } from "@/lib/domain/enums";

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
 */
export async function annotatorProgress(opts: { projectId: string }): Promise<AnnotatorProgress[]> {
  const layers = await db.layer.findMany({
    where: { kind: "ANNOTATOR", userId: { not: null }, document: { projectId: opts.projectId } },
    select: { userId: true, status: true, _count: { select: { annotations: true } } },
  });
  const withLayers = [...new Set(layers.flatMap((l) => (l.userId ? [l.userId] : [])))];
  const users = await db.user.findMany({
    where: { OR: [{ id: { in: withLayers } }, { role: "ANNOTATOR", active: true, memberships: { some: { projectId: opts.projectId } } }] },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const byUser = new Map(users.map((u) => [u.id, { userId: u.id, name: u.name, layers: noLayers(), spans: 0 }]));
  for (const layer of layers) {
    const row = layer.userId ? byUser.get(layer.userId) : undefined;
    if (!row) continue;
    if (layer.status in row.layers) row.layers[layer.status as LayerStatus]++;
    row.spans += layer._count.annotations;
  }
  return [...byUser.values()];
}
