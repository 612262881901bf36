import { db } from "@/lib/db";
import { getDocument } from "@/lib/documents/get-document";
import { recordAudit } from "@/lib/audit/record-audit";
import { userSlot } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import { nextStatus } from "./status";
import { layerView } from "./layer-view";
import { publishLayerChanges } from "@/lib/realtime/publish-layers";
import { authorize } from "@/lib/authz";

/** The annotator hands their layer to review; it is read-only for them until a reviewer sends it back. */
export async function submitLayer(opts: { actor: Actor; documentId: string }) {
  authorize(opts.actor, "layer:annotate");
  const doc = await getDocument(opts);
  const saved = await db.$transaction(async (tx) => {
    const slot = userSlot(opts.actor.id);
    const layer = await tx.layer.upsert({
      where: { documentId_slot: { documentId: doc.id, slot } },
      create: { documentId: doc.id, slot, kind: "ANNOTATOR", userId: opts.actor.id },
      update: {},
    });
    const status = nextStatus(layer.status, "SUBMIT");
    const saved = await tx.layer.update({ where: { id: layer.id }, data: { status, submittedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, {
      projectId: doc.projectId,
      documentId: doc.id,
      actorId: opts.actor.id,
      subject: "LAYER",
      subjectId: layer.id,
      action: "SUBMIT",
      before: { status: layer.status },
      after: { status },
    });
    return saved;
  });
  await publishLayerChanges([saved], doc.projectId, opts.actor.id);
  return layerView(saved);
}
