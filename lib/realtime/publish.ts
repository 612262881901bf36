/**
 * The one function domain code calls after a change has committed. It never
 * throws: the write already succeeded, and a live update that could not be
 * sent only means other tabs learn of it later (on reload or on their next
 * save, which the version check guards).
 */
import type { LayerKind } from "@/lib/domain/enums";
import { DocumentEvent } from "./events";
import { getBus } from "./hub";

export type { DocumentEvent } from "./events";

export async function publishDocumentEvent(event: DocumentEvent): Promise<void> {
  try {
    await getBus().publish({ kind: "document", event: DocumentEvent.parse(event) });
  } catch (err) {
    console.error("[realtime] could not publish a live event", { type: event.type, documentId: event.documentId }, err);
  }
}

/** The layer part of an event, from the layer row a write went to. */
export function layerRef(layer: { id: string; documentId: string; kind: LayerKind; userId: string | null }, projectId: string, actorId: string) {
  return {
    documentId: layer.documentId,
    projectId,
    layerId: layer.id,
    layerKind: layer.kind,
    layerUserId: layer.userId,
    actorId,
  };
}
