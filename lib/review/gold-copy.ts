import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { annotationInclude, auditSnapshot } from "@/lib/annotations/annotation-view";
import type { Actor } from "@/lib/auth/actor";

type Source = {
  id: string;
  start: number;
  end: number;
  text: string;
  labelId: string;
  entityId: string | null;
  /** a QUOTE span's links (ids in the source's layer): carried over to the gold copies of those spans */
  layerId?: string;
  quoteCueId?: string | null;
  quoteSpeakerId?: string | null;
};

/** The gold copy of a span a quote links to (copied first if gold lacks it), or null when the span is gone. */
export async function linkedGoldSpan(
  tx: Tx,
  opts: { actor: Actor; projectId: string; documentId: string; goldLayerId: string },
  layerId: string,
  id: string | null | undefined,
): Promise<string | null> {
  if (!id) return null;
  const linked = await tx.annotation.findFirst({ where: { id, layerId } });
  if (!linked) return null;
  const { annotation }: { annotation: { id: string } } = await copyIntoGold(tx, { ...opts, source: { ...linked, quoteCueId: null, quoteSpeakerId: null } });
  await markReviewState(tx, { documentId: opts.documentId, start: linked.start, end: linked.end, labelId: linked.labelId, state: "ACCEPTED" });
  return annotation.id;
}

/**
 * Puts an annotator's span into the gold layer unless gold already has the
 * same span and label; the copy remembers where it came from (originId). A
 * QUOTE span's cue and speaker links come along: the spans they point at are
 * copied into gold too (unless there already), and the gold quote points at
 * those gold copies. A gold copy that exists already keeps its own links.
 */
export async function copyIntoGold(tx: Tx, opts: { actor: Actor; projectId: string; documentId: string; goldLayerId: string; source: Source }) {
  const { source } = opts;
  const existing = await tx.annotation.findFirst({
    where: { layerId: opts.goldLayerId, start: source.start, end: source.end, labelId: source.labelId },
    include: annotationInclude,
  });
  if (existing) return { annotation: existing, created: false };
  const scope = { actor: opts.actor, projectId: opts.projectId, documentId: opts.documentId, goldLayerId: opts.goldLayerId };
  const quoteCueId: string | null = source.layerId ? await linkedGoldSpan(tx, scope, source.layerId, source.quoteCueId) : null;
  const quoteSpeakerId: string | null = source.layerId ? await linkedGoldSpan(tx, scope, source.layerId, source.quoteSpeakerId) : null;
  const row = await tx.annotation.create({
    data: {
      layerId: opts.goldLayerId,
      start: source.start,
      end: source.end,
      text: source.text,
      labelId: source.labelId,
      entityId: source.entityId,
      originId: source.id,
      quoteCueId,
      quoteSpeakerId,
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
    after: { ...auditSnapshot(row), layer: "gold", originId: source.id, ...(quoteCueId || quoteSpeakerId ? { quoteCueId, quoteSpeakerId } : {}) },
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

/** Takes links to removed gold spans off the gold quotes that pointed at them (audited), so no gold quote points at nothing. */
export async function unlinkRemovedFromGoldQuotes(
  tx: Tx,
  opts: { actor: Actor; projectId: string; documentId: string; goldLayerId: string; removedIds: string[] },
) {
  if (opts.removedIds.length === 0) return 0;
  const quotes = await tx.annotation.findMany({
    where: { layerId: opts.goldLayerId, OR: [{ quoteCueId: { in: opts.removedIds } }, { quoteSpeakerId: { in: opts.removedIds } }] },
  });
  const gone = new Set(opts.removedIds);
  for (const q of quotes) {
    const row = await tx.annotation.update({
      where: { id: q.id },
      data: {
        quoteCueId: q.quoteCueId && gone.has(q.quoteCueId) ? null : q.quoteCueId,
        quoteSpeakerId: q.quoteSpeakerId && gone.has(q.quoteSpeakerId) ? null : q.quoteSpeakerId,
        version: { increment: 1 },
      },
    });
    await recordAudit(tx, {
      projectId: opts.projectId,
      documentId: opts.documentId,
      actorId: opts.actor.id,
      subject: "ANNOTATION",
      subjectId: q.id,
      action: "QUOTE",
      before: { quoteCueId: q.quoteCueId, quoteSpeakerId: q.quoteSpeakerId, version: q.version, layer: "gold" },
      after: { quoteCueId: row.quoteCueId, quoteSpeakerId: row.quoteSpeakerId, version: row.version, layer: "gold" },
    });
  }
  return quotes.length;
}
