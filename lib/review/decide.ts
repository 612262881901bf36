/** The reviewer's verdict: approve the document, or send one layer back with a comment. */
import type { LayerStatus } from "@/lib/domain/enums";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { getDocument } from "@/lib/documents/get-document";
import { recordAudit } from "@/lib/audit/record-audit";
import { layerForWrite } from "@/lib/layers/layer-for-write";
import { nextStatus } from "@/lib/layers/status";
import type { Actor } from "@/lib/auth/actor";
import { reviewableLayer } from "./review-scope";
import { publishLayerChanges } from "@/lib/realtime/publish-layers";
import { MAX_POINTED_SPANS, pointedSpans, type PointedSpan } from "./pointed-spans";
import { mergeAgreedDocLabels } from "@/lib/doc-labels/review-doc-labels";

export const RejectInput = z.object({
  comment: z.string().trim().min(1, "Say what the annotator should fix").max(4000, "Keep the comment under 4,000 characters"),
  /** spans of the layer the comment is about */
  spanIds: z.array(z.string().min(1).max(200)).max(MAX_POINTED_SPANS, `Point at ${MAX_POINTED_SPANS} spans at most`).default([]),
});
export const ApproveInput = z.object({ comment: z.string().trim().max(4000).default("") });

async function decideLayer(
  tx: Tx,
  opts: {
    actor: Actor;
    projectId: string;
    documentId: string;
    layer: { id: string; status: LayerStatus };
    decision: "APPROVE" | "REJECT";
    comment: string;
    spans?: PointedSpan[];
  },
) {
  const status = nextStatus(opts.layer.status, opts.decision);
  await tx.layer.update({ where: { id: opts.layer.id }, data: { status, version: { increment: 1 } } });
  const decision = await tx.reviewDecision.create({
    data: { layerId: opts.layer.id, reviewerId: opts.actor.id, decision: opts.decision, comment: opts.comment, spans: opts.spans ?? [] },
  });
  await recordAudit(tx, {
    projectId: opts.projectId,
    documentId: opts.documentId,
    actorId: opts.actor.id,
    subject: "REVIEW",
    subjectId: decision.id,
    action: opts.decision,
    before: { layerId: opts.layer.id, status: opts.layer.status },
    after: { layerId: opts.layer.id, status, comment: opts.comment, ...(opts.spans?.length ? { spans: opts.spans } : {}) },
  });
  return status;
}

/** Sends a submitted layer back to its annotator; the comment (and the spans it points at) shows on their document. */
export async function rejectLayer(opts: { actor: Actor; layerId: string; input: z.input<typeof RejectInput> }) {
  const { comment, spanIds } = RejectInput.parse(opts.input);
  const layer = await reviewableLayer(opts.actor, opts.layerId);
  const result = await db.$transaction(async (tx) => {
    const current = await tx.layer.findUniqueOrThrow({ where: { id: layer.id } });
    const spans = await pointedSpans(tx, layer.id, spanIds);
    const status = await decideLayer(tx, {
      actor: opts.actor,
      projectId: layer.document.projectId,
      documentId: layer.documentId,
      layer: current,
      decision: "REJECT",
      comment,
      spans,
    });
    return { layerId: layer.id, status };
  });
  await publishLayerChanges([{ ...layer, status: result.status }], layer.document.projectId, opts.actor.id);
  return result;
}

/**
 * Approves the document: every submitted layer and the gold layer become
 * approved (gold is then what the export carries). Refused while a layer that
 * was sent back has not come back yet.
 */
export async function approveDocument(opts: { actor: Actor; documentId: string; input?: z.input<typeof ApproveInput> }) {
  authorize(opts.actor, "review:decide");
  const { comment } = ApproveInput.parse(opts.input ?? {});
  const doc = await getDocument(opts);
  const result = await db.$transaction(async (tx) => {
    const layers = await tx.layer.findMany({ where: { documentId: doc.id, kind: "ANNOTATOR" }, include: { user: { select: { name: true } } } });
    const waiting = layers.filter((l) => l.status === "REJECTED");
    if (waiting.length) {
      throw new AppError(
        "CONFLICT",
        `${waiting.length === 1 ? "A layer was" : `${waiting.length} layers were`} sent back and not resubmitted yet; approve once it is back in review`,
      );
    }
    const submitted = layers.filter((l) => l.status === "SUBMITTED");
    if (submitted.length === 0) throw new AppError("CONFLICT", "No layer of this document is waiting for review");
    for (const layer of submitted) {
      await decideLayer(tx, { actor: opts.actor, projectId: doc.projectId, documentId: doc.id, layer, decision: "APPROVE", comment });
    }
    const gold = await layerForWrite(tx, { actor: opts.actor, documentId: doc.id, target: "gold" });
    // document labels every compared layer agrees on go into gold with the approval (issue 15)
    await mergeAgreedDocLabels(tx, { actor: opts.actor, projectId: doc.projectId, documentId: doc.id, goldLayerId: gold.id, threshold: "unanimous" });
    await tx.layer.update({ where: { id: gold.id }, data: { status: "APPROVED", version: { increment: 1 } } });
    await recordAudit(tx, {
      projectId: doc.projectId,
      documentId: doc.id,
      actorId: opts.actor.id,
      subject: "LAYER",
      subjectId: gold.id,
      action: "APPROVE",
      before: { status: gold.status },
      after: { status: "APPROVED" },
    });
    const changed = [...submitted.map((l) => ({ ...l, status: "APPROVED" as const })), { ...gold, status: "APPROVED" as const }];
    return { documentId: doc.id, approvedLayers: submitted.length, goldLayerId: gold.id, changed };
  });
  await publishLayerChanges(result.changed, doc.projectId, opts.actor.id);
  const { changed: _changed, ...summary } = result;
  return summary;
}
