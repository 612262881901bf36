/**
 * Applies an annotation made on one copy of a wire passage to the other
 * copies: the span is mapped word by word through the aligned passage and
 * created in the actor's layer of the same kind (own, or gold for reviewers)
 * on each target document, one transaction per target, remembering where it
 * came from (originId). A copy already there (same span and label) is not
 * made twice.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { authorize, writableAnnotationScope } from "@/lib/authz";
import { layerForWrite, targetOfLayer } from "@/lib/layers/layer-for-write";
import { recordAudit } from "@/lib/audit/record-audit";
import { annotationInclude, annotationView, auditSnapshot, type AnnotationView } from "@/lib/annotations/annotation-view";
import { layerRef, publishDocumentEvent } from "@/lib/realtime/publish";
import type { Actor } from "@/lib/auth/actor";
import { syndicationOfDocument } from "./project-syndication";

export const CopyToSyndicatedInput = z.object({ documentIds: z.array(z.string().min(1).max(64)).max(500).optional() });

export type CopyResult = { documentId: string; title: string; created: boolean; annotation: AnnotationView | null; error?: string };

export async function copyToSyndicated(opts: { actor: Actor; annotationId: string; input?: z.input<typeof CopyToSyndicatedInput> }) {
  authorize(opts.actor, "layer:annotate");
  const input = CopyToSyndicatedInput.parse(opts.input ?? {});
  const source = await db.annotation.findFirst({
    where: { id: opts.annotationId, ...writableAnnotationScope(opts.actor) },
    include: { label: true, layer: { select: { kind: true, documentId: true, document: { select: { projectId: true } } } } },
  });
  if (!source) throw notFound("Annotation");
  const projectId = source.layer.document.projectId;
  const { index } = await syndicationOfDocument(source.layer.documentId);
  let mapped = index.mapSpan(source.layer.documentId, source.start, source.end);
  if (mapped.length === 0) {
    throw new AppError("UNPROCESSABLE", `"${source.text}" is not inside a passage this document shares with another document; nothing to copy to`);
  }
  if (input.documentIds) {
    const wanted = new Set(input.documentIds);
    const missing = input.documentIds.filter((id) => !mapped.some((m) => m.documentId === id));
    if (missing.length) throw new AppError("UNPROCESSABLE", `The span does not appear in document(s) ${missing.join(", ")}`);
    mapped = mapped.filter((m) => wanted.has(m.documentId));
  }
  const target = targetOfLayer(source.layer.kind);
  const results: CopyResult[] = [];
  for (const m of mapped) {
    const title = index.docs.get(m.documentId)?.title ?? "";
    try {
      const done = await db.$transaction(async (tx) => {
        const layer = await layerForWrite(tx, { actor: opts.actor, documentId: m.documentId, target });
        const existing = await tx.annotation.findFirst({
          where: { layerId: layer.id, start: m.start, end: m.end, labelId: source.labelId },
          include: annotationInclude,
        });
        if (existing) return { row: existing, created: false, layer };
        const row = await tx.annotation.create({
          data: {
            layerId: layer.id,
            start: m.start,
            end: m.end,
            text: m.text,
            labelId: source.labelId,
            entityId: source.entityId,
            originId: source.id,
            createdById: opts.actor.id,
          },
          include: annotationInclude,
        });
        await recordAudit(tx, {
          projectId,
          documentId: m.documentId,
          actorId: opts.actor.id,
          subject: "ANNOTATION",
          subjectId: row.id,
          action: "CREATE",
          after: { ...auditSnapshot(row), originId: source.id, copiedFrom: source.layer.documentId },
        });
        return { row, created: true, layer };
      });
      const annotation = annotationView(done.row);
      if (done.created) await publishDocumentEvent({ type: "annotation.created", ...layerRef(done.layer, projectId, opts.actor.id), annotation });
      results.push({ documentId: m.documentId, title, created: done.created, annotation });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ documentId: m.documentId, title, created: false, annotation: null, error: err.message });
    }
  }
  return { sourceId: source.id, copies: results };
}
