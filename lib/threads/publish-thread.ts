/** Tells the document's open pages (and the mentioned people) that a thread changed; filled in with the live step. */
import type { AnchorLayer } from "./thread-access";

export async function publishThreadChange(change: {
  documentId: string;
  projectId: string;
  threadId: string;
  layer: AnchorLayer | null;
  actorId: string;
  mentioned: string[];
}): Promise<void> {
  void change;
}
