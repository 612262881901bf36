import type { LayerKind, LayerStatus } from "@/lib/domain/enums";
import { layerRef, publishDocumentEvent } from "./publish";

type LayerRow = { id: string; documentId: string; kind: LayerKind; userId: string | null; status: LayerStatus };

/** After a review or submission committed: tells every open page of the document that these layers changed. */
export async function publishLayerChanges(layers: LayerRow[], projectId: string, actorId: string): Promise<void> {
  for (const layer of layers) {
    await publishDocumentEvent({ type: "layer.changed", ...layerRef(layer, projectId, actorId), status: layer.status });
  }
}
