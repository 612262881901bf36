/** The reviewer's decision on one annotator span: into gold, or out. */
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { auditSnapshot, annotationView } from "@/lib/annotations/annotation-view";
import { layerForWrite } from "@/lib/layers/layer-for-write";
import type { Actor } from "@/lib/auth/actor";
import { copyIntoGold, markReviewState, unlinkRemovedFromGoldQuotes } from "./gold-copy";
import { reviewableAnnotation } from "./review-scope";
import { publishLayerChanges } from "@/lib/realtime/publish-layers";

export async function acceptAnnotation(opts: { actor: Actor; annotationId: string }) {
  const source = await reviewableAnnotation(opts.actor, opts.annotationId);
  const { documentId, document } = source.layer;
  const result = await db.$transaction(async (tx) => {
    const gold = await layerForWrite(tx, { actor: opts.actor, documentId, target: "gold" });
    const { annotation, created } = await copyIntoGold(tx, { actor: opts.actor, projectId: document.projectId, documentId, goldLayerId: gold.id, source });
    await markReviewState(tx, { documentId, start: source.start, end: source.end, labelId: source.labelId, state: "ACCEPTED" });
    await recordAudit(tx, {
      projectId: document.projectId,
      documentId,
      actorId: opts.actor.id,
      subject: "REVIEW",
      subjectId: source.id,
      action: "ACCEPT",
      before: { reviewState: source.reviewState },
      after: { reviewState: "ACCEPTED", goldAnnotationId: annotation.id },
    });
    return { gold: annotationView(annotation), created, goldLayer: gold };
  });
  await publishLayerChanges([result.goldLayer], document.projectId, opts.actor.id);
  return { gold: result.gold, created: result.created };
}

/** Keeps the span out of gold: marks it rejected and removes a gold copy of it if there is one. */
export async function rejectAnnotation(opts: { actor: Actor; annotationId: string }) {
  const source = await reviewableAnnotation(opts.actor, opts.annotationId);
  const { documentId, document } = source.layer;
  const result = await db.$transaction(async (tx) => {
    const gold = await layerForWrite(tx, { actor: opts.actor, documentId, target: "gold" });
    const copies = await tx.annotation.findMany({
      where: { layerId: gold.id, start: source.start, end: source.end, labelId: source.labelId },
      include: { label: { select: { name: true } }, layer: { select: { documentId: true } } },
    });
    for (const copy of copies) {
      await tx.annotation.delete({ where: { id: copy.id } });
      await recordAudit(tx, {
        projectId: document.projectId,
        documentId,
        actorId: opts.actor.id,
        subject: "ANNOTATION",
        subjectId: copy.id,
        action: "DELETE",
        before: { ...auditSnapshot(copy), layer: "gold" },
      });
    }
    await unlinkRemovedFromGoldQuotes(tx, {
      actor: opts.actor,
      projectId: document.projectId,
      documentId,
      goldLayerId: gold.id,
      removedIds: copies.map((c) => c.id),
    });
    await markReviewState(tx, { documentId, start: source.start, end: source.end, labelId: source.labelId, state: "REJECTED" });
    await recordAudit(tx, {
      projectId: document.projectId,
      documentId,
      actorId: opts.actor.id,
      subject: "REVIEW",
      subjectId: source.id,
      action: "REJECT_SPAN",
      before: { reviewState: source.reviewState },
      after: { reviewState: "REJECTED" },
    });
    return { removedFromGold: copies.map((c) => c.id), goldLayer: gold };
  });
  await publishLayerChanges([result.goldLayer], document.projectId, opts.actor.id);
  return { removedFromGold: result.removedFromGold };
}
