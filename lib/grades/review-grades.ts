/**
 * Grades in review: every annotator's grades on a document next to the gold
 * ones, and accepting one into gold. A cited-source grade needs its span in
 * gold too, so the span is copied there first (lib/review/gold-copy.ts).
 */
import { db } from "@/lib/db";
import { authorize, documentScope } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { getDocument } from "@/lib/documents/get-document";
import { layerForWrite } from "@/lib/layers/layer-for-write";
import { recordAudit } from "@/lib/audit/record-audit";
import { copyIntoGold } from "@/lib/review/gold-copy";
import { publishLayerChanges } from "@/lib/realtime/publish-layers";
import type { Actor } from "@/lib/auth/actor";
import { gradeInclude, gradeSnapshot, gradeView } from "./grade-view";
import { gradeOfTarget } from "./grades";

/** Grades per annotator layer (by layer id) and in gold, for the review page. */
export async function loadReviewGrades(opts: { actor: Actor; documentId: string }) {
  authorize(opts.actor, "review:decide");
  const doc = await getDocument(opts);
  const rows = await db.sourceGrade.findMany({
    where: { layer: { documentId: doc.id, kind: { in: ["ANNOTATOR", "GOLD"] } } },
    include: gradeInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const byLayer: Record<string, ReturnType<typeof gradeView>[]> = {};
  const gold: ReturnType<typeof gradeView>[] = [];
  for (const r of rows) {
    if (r.layer.kind === "GOLD") gold.push(gradeView(r));
    else (byLayer[r.layerId] ??= []).push(gradeView(r));
  }
  return { outlet: doc.outlet, byLayer, gold };
}

/** Copies an annotator's grade into gold (replacing gold's grade of the same target) and marks it accepted. */
export async function acceptGrade(opts: { actor: Actor; gradeId: string }) {
  authorize(opts.actor, "review:decide");
  const source = await db.sourceGrade.findFirst({
    where: { id: opts.gradeId, layer: { kind: "ANNOTATOR", document: documentScope(opts.actor) } },
    include: { ...gradeInclude, annotation: true, layer: { select: { ...gradeInclude.layer.select, document: { select: { projectId: true } } } } },
  });
  if (!source) throw notFound("Grade");
  const { documentId } = source.layer;
  const projectId = source.layer.document.projectId;
  const result = await db.$transaction(async (tx) => {
    const goldLayer = await layerForWrite(tx, { actor: opts.actor, documentId, target: "gold" });
    let goldSpanId: string | null = null;
    if (source.annotation) {
      const { annotation } = await copyIntoGold(tx, { actor: opts.actor, projectId, documentId, goldLayerId: goldLayer.id, source: source.annotation });
      goldSpanId = annotation.id;
    }
    const values = { reliability: source.reliability, credibility: source.credibility, rationale: source.rationale };
    const prior = await gradeOfTarget(tx, goldLayer.id, goldSpanId);
    const row = prior
      ? await tx.sourceGrade.update({ where: { id: prior.id }, data: { ...values, reviewState: "ACCEPTED", version: { increment: 1 } }, include: gradeInclude })
      : await tx.sourceGrade.create({
          data: { layerId: goldLayer.id, annotationId: goldSpanId, ...values, reviewState: "ACCEPTED", createdById: opts.actor.id },
          include: gradeInclude,
        });
    await recordAudit(tx, {
      projectId,
      documentId,
      actorId: opts.actor.id,
      subject: "GRADE",
      subjectId: row.id,
      action: prior ? "UPDATE" : "CREATE",
      before: prior ? gradeSnapshot(prior) : undefined,
      after: { ...gradeSnapshot(row), layer: "gold", originId: source.id },
    });
    await tx.sourceGrade.update({ where: { id: source.id }, data: { reviewState: "ACCEPTED" } });
    await recordAudit(tx, {
      projectId,
      documentId,
      actorId: opts.actor.id,
      subject: "REVIEW",
      subjectId: source.id,
      action: "ACCEPT_GRADE",
      before: { reviewState: source.reviewState },
      after: { reviewState: "ACCEPTED", goldGradeId: row.id },
    });
    return { gold: gradeView(row), goldLayer };
  });
  await publishLayerChanges([result.goldLayer], projectId, opts.actor.id);
  return { gold: result.gold };
}
