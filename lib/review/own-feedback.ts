import { db } from "@/lib/db";
import { userSlot } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import { getDocument } from "@/lib/documents/get-document";
import { lastDecisionView } from "./load-review";

/** The last review decision on the actor's own layer of a document (what the reviewer said when sending it back). */
export async function ownLayerFeedback(opts: { actor: Actor; documentId: string }) {
  const doc = await getDocument(opts);
  const decision = await db.reviewDecision.findFirst({
    where: { layer: { documentId: doc.id, slot: userSlot(opts.actor.id) } },
    orderBy: { createdAt: "desc" },
    include: { reviewer: { select: { name: true } } },
  });
  return lastDecisionView(decision);
}

/** The status of the actor's own layer of a document (NOT_STARTED before the first span). */
export async function ownLayerStatus(opts: { actor: Actor; documentId: string }) {
  const doc = await getDocument(opts);
  const layer = await db.layer.findUnique({
    where: { documentId_slot: { documentId: doc.id, slot: userSlot(opts.actor.id) } },
    select: { status: true },
  });
  return layer?.status ?? "NOT_STARTED";
}
