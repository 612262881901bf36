import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { annotationInclude, auditSnapshot } from "@/lib/annotations/annotation-view";
import type { Actor } from "@/lib/auth/actor";

type Source = { id: string; start: number; end: number; text: string; labelId: string; entityId: string | null };

/**
 * Puts an annotator's span into the gold layer unless gold already has the
 * same span and label; the copy remembers where it came from (originId).
 */
export async function copyIntoGold(tx: Tx, opts: { actor: Actor; projectId: string; documentId: string; goldLayerId: string; source: Source }) {
  const { source } = opts;
  const existing = await tx.annotation.findFirst({
    where: { layerId: opts.goldLayerId, start: source.start, end: source.end, labelId: source.labelId },
    include: annotationInclude,
  });
  if (existing) return { annotation: existing, created: false };
  const row = await tx.annotation.create({
    data: {
      layerId: opts.goldLayerId,
      start: source.start,
      end: source.end,
      text: source.text,
      labelId: source.labelId,
      entityId: source.entityId,
      originId: source.id,
      reviewState: "ACCEPTED",
      createdById: opts.actor.id,
    },
    include: annotationInclude,
  });
  await recordAudit(tx, {
    projectId: opts.projectId,
    documentId: opts.documentId,
    actorId: opts.actor.id,
    subject: "ANNOTATION",
    subjectId: row.id,
    action: "CREATE",
    after: { ...auditSnapshot(row), layer: "gold", originId: source.id },
  });
  return { annotation: row, created: true };
}

/** Marks every annotator span of the document with this span and label as accepted or rejected by review. */
export async function markReviewState(tx: Tx, opts: { documentId: string; start: number; end: number; labelId: string; state: "ACCEPTED" | "REJECTED" }) {
  const { count } = await tx.annotation.updateMany({
    where: { layer: { documentId: opts.documentId, kind: "ANNOTATOR" }, start: opts.start, end: opts.end, labelId: opts.labelId },
    data: { reviewState: opts.state },
  });
  return count;
}
