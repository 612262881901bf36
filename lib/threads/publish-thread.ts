/**
 * After a thread change committed: tells the document's open pages, each
 * filtered by who may see the thread (lib/realtime/hub.ts), and whoever it
 * newly mentioned. Never throws: the change already succeeded.
 */
import { getBus } from "@/lib/realtime/hub";
import { ThreadChanged } from "@/lib/realtime/events";
import type { LayerKind } from "@/lib/domain/enums";
import type { AnchorLayer } from "./thread-access";

export async function publishThreadChange(change: {
  documentId: string;
  projectId: string;
  threadId: string;
  layer: AnchorLayer | null;
  actorId: string;
  mentioned: string[];
}): Promise<void> {
  try {
    const event = ThreadChanged.parse({
      type: "thread.changed",
      documentId: change.documentId,
      projectId: change.projectId,
      threadId: change.threadId,
      layerId: change.layer?.id ?? null,
      layerKind: (change.layer?.kind as LayerKind | undefined) ?? null,
      layerUserId: change.layer?.userId ?? null,
      actorId: change.actorId,
      mentioned: change.mentioned.slice(0, 200),
    });
    await getBus().publish({ kind: "thread", event });
  } catch (err) {
    console.error("[realtime] could not publish a thread event", { threadId: change.threadId }, err);
  }
}
