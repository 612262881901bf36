/**
 * The reviewer's decision on one annotator stance: into gold, or out.
 *
 * Accepting copies the stance into the gold layer (originId names the
 * annotator stance) with its evidence spans copied into gold first, so gold
 * evidence points at gold spans. Gold holds one stance per holder → target:
 * accepting another annotator's stance on the same pair replaces it.
 */
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorize, documentScope } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record-audit";
import { layerForWrite } from "@/lib/layers/layer-for-write";
import { publishLayerChanges } from "@/lib/realtime/publish-layers";
import { stanceInclude, stanceSnapshot, stanceView } from "@/lib/stances/stance-input";
import type { Actor } from "@/lib/auth/actor";
import { copyIntoGold, markReviewState } from "./gold-copy";
import { assertDecidable } from "./load-review";

/** Optional: the version of the stance the reviewer decided on (409 if the annotator changed it since). */
export const StanceDecisionInput = z.object({ version: z.number().int().positive().optional() }).strict();

/** What a copy into gold reads of an annotator stance. */
export const stanceSourceInclude = {
  ...stanceInclude,
  layer: { select: { id: true, documentId: true, kind: true, status: true, document: { select: { projectId: true } } } },
  evidence: { select: { annotation: true } },
} as const;

/** An annotator's stance on a document the reviewer may open (404 otherwise, gold stances included). */
async function reviewableStance(actor: Actor, stanceId: string, version: number | undefined) {
  authorize(actor, "review:decide");
  const row = await db.stance.findFirst({
    where: { id: stanceId, layer: { kind: "ANNOTATOR", document: documentScope(actor) } },
    include: stanceSourceInclude,
  });
  if (!row) throw notFound("Stance");
  assertDecidable(row, { one: "stance", many: "stances" }, version);
  return row;
}
type Source = Awaited<ReturnType<typeof reviewableStance>>;

/** Marks this stance, and every other annotator stance on the same holder → target with the same polarity, as decided. */
async function markStances(tx: Tx, source: Source, state: "ACCEPTED" | "REJECTED") {
  const where =
    state === "ACCEPTED"
      ? {
          layer: { documentId: source.layer.documentId, kind: "ANNOTATOR" as const },
          holderId: source.holderId,
          targetId: source.targetId,
          polarity: source.polarity,
        }
      : { id: source.id };
  await tx.stance.updateMany({ where, data: { reviewState: state } });
}

/** Copies the stance into gold in an open transaction (also used by the merge of agreed stances). */
export async function copyStanceIntoGold(tx: Tx, opts: { actor: Actor; goldLayerId: string; source: Source }) {
  const { actor, goldLayerId, source } = opts;
  const { documentId } = source.layer;
  const projectId = source.layer.document.projectId;
  const evidence: string[] = [];
  for (const { annotation } of source.evidence) {
    const { annotation: gold } = await copyIntoGold(tx, { actor, projectId, documentId, goldLayerId, source: annotation });
    await markReviewState(tx, { documentId, start: annotation.start, end: annotation.end, labelId: annotation.labelId, state: "ACCEPTED" });
    evidence.push(gold.id);
  }
  const values = {
    polarity: source.polarity,
    confidence: source.confidence,
    documentLevel: source.documentLevel,
    note: source.note,
    originId: source.id,
    reviewState: "ACCEPTED" as const,
  };
  const prior = await tx.stance.findFirst({
    where: { layerId: goldLayerId, holderId: source.holderId, targetId: source.targetId },
    include: stanceInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  let row;
  if (prior) {
    await tx.stanceEvidence.deleteMany({ where: { stanceId: prior.id, annotationId: { notIn: evidence } } });
    const kept = new Set(prior.evidence.map((e) => e.annotation.id));
    for (const annotationId of evidence) if (!kept.has(annotationId)) await tx.stanceEvidence.create({ data: { stanceId: prior.id, annotationId } });
    row = await tx.stance.update({ where: { id: prior.id }, data: { ...values, version: { increment: 1 } }, include: stanceInclude });
  } else {
    row = await tx.stance.create({
      data: {
        layerId: goldLayerId,
        holderId: source.holderId,
        targetId: source.targetId,
        ...values,
        createdById: actor.id,
        evidence: { create: evidence.map((annotationId) => ({ annotationId })) },
      },
      include: stanceInclude,
    });
  }
  await recordAudit(tx, {
    projectId,
    documentId,
    actorId: actor.id,
    subject: "STANCE",
    subjectId: row.id,
    action: prior ? "UPDATE" : "CREATE",
    before: prior ? { ...stanceSnapshot(prior), layer: "gold" } : undefined,
    after: { ...stanceSnapshot(row), layer: "gold", originId: source.id },
  });
  await markStances(tx, source, "ACCEPTED");
  return { row, created: !prior };
}

export async function acceptStance(opts: { actor: Actor; stanceId: string; input?: z.input<typeof StanceDecisionInput> }) {
  const { version } = StanceDecisionInput.parse(opts.input ?? {});
  const source = await reviewableStance(opts.actor, opts.stanceId, version);
  const { documentId } = source.layer;
  const projectId = source.layer.document.projectId;
  const result = await db.$transaction(async (tx) => {
    const goldLayer = await layerForWrite(tx, { actor: opts.actor, documentId, target: "gold" });
    const { row, created } = await copyStanceIntoGold(tx, { actor: opts.actor, goldLayerId: goldLayer.id, source });
    await recordAudit(tx, {
      projectId,
      documentId,
      actorId: opts.actor.id,
      subject: "REVIEW",
      subjectId: source.id,
      action: "ACCEPT_STANCE",
      before: { reviewState: source.reviewState },
      after: { reviewState: "ACCEPTED", goldStanceId: row.id },
    });
    return { gold: stanceView(row), created, goldLayer };
  });
  await publishLayerChanges([result.goldLayer], projectId, opts.actor.id);
  return { gold: result.gold, created: result.created };
}

/** Keeps the stance out of gold: marks it rejected and removes the gold stance accepted from it, if there is one. */
export async function rejectStance(opts: { actor: Actor; stanceId: string; input?: z.input<typeof StanceDecisionInput> }) {
  const { version } = StanceDecisionInput.parse(opts.input ?? {});
  const source = await reviewableStance(opts.actor, opts.stanceId, version);
  const { documentId } = source.layer;
  const projectId = source.layer.document.projectId;
  const result = await db.$transaction(async (tx) => {
    const goldLayer = await layerForWrite(tx, { actor: opts.actor, documentId, target: "gold" });
    const copies = await tx.stance.findMany({ where: { layerId: goldLayer.id, originId: source.id }, include: stanceInclude });
    for (const copy of copies) {
      await tx.stance.delete({ where: { id: copy.id } });
      await recordAudit(tx, {
        projectId,
        documentId,
        actorId: opts.actor.id,
        subject: "STANCE",
        subjectId: copy.id,
        action: "DELETE",
        before: { ...stanceSnapshot(copy), layer: "gold" },
      });
    }
    await markStances(tx, source, "REJECTED");
    await recordAudit(tx, {
      projectId,
      documentId,
      actorId: opts.actor.id,
      subject: "REVIEW",
      subjectId: source.id,
      action: "REJECT_STANCE",
      before: { reviewState: source.reviewState },
      after: { reviewState: "REJECTED" },
    });
    return { removedFromGold: copies.map((c) => c.id), goldLayer };
  });
  await publishLayerChanges([result.goldLayer], projectId, opts.actor.id);
  return { removedFromGold: result.removedFromGold };
}
