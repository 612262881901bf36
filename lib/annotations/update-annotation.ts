import type { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { writableAnnotationScope } from "@/lib/authz";
import { layerForWrite, targetOfLayer } from "@/lib/layers/layer-for-write";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { documentTextIndex } from "@/lib/text/text-index-cache";
import { UpdateAnnotationInput, labelByName, spanText } from "./span-input";
import { annotationInclude, annotationView, auditSnapshot } from "./annotation-view";
import { layerRef, publishDocumentEvent } from "@/lib/realtime/publish";

async function writableAnnotation(actor: Actor, id: string) {
  const row = await db.annotation.findFirst({
    where: { id, ...writableAnnotationScope(actor) },
    include: { ...annotationInclude, layer: { select: { documentId: true, kind: true, document: { select: { id: true, projectId: true, text: true, textHash: true } } } } },
  });
  if (!row) throw notFound("Annotation");
  return row;
}

export const staleVersion = (current: unknown) =>
  new AppError("CONFLICT", "This annotation was changed elsewhere since you loaded it; reload to see the current version", { current });

/** Changes label or offsets of an annotation in a layer the actor may write (own, or gold for reviewers); `version` guards against lost updates. */
export async function updateAnnotation(opts: { actor: Actor; annotationId: string; input: z.input<typeof UpdateAnnotationInput> }) {
  const input = UpdateAnnotationInput.parse(opts.input);
  const before = await writableAnnotation(opts.actor, opts.annotationId);
  const { projectId } = before.layer.document;
  if (input.version !== undefined && input.version !== before.version) throw staleVersion(annotationView(before));
  const start = input.start ?? before.start;
  const end = input.end ?? before.end;
  const text = spanText(documentTextIndex(before.layer.document), start, end);

  const { row: saved, layer } = await db.$transaction(async (tx) => {
    const layer = await layerForWrite(tx, { actor: opts.actor, documentId: before.layer.documentId, target: targetOfLayer(before.layer.kind) });
    const label = input.label ? await labelByName(tx, projectId, input.label) : null;
    const { count } = await tx.annotation.updateMany({
      where: { id: before.id, version: before.version },
      // an annotator's change is new work: whatever review said about the old span no longer holds
      data: { start, end, text, ...(label ? { labelId: label.id } : {}), ...(before.layer.kind === "ANNOTATOR" ? { reviewState: "PENDING" } : {}), version: { increment: 1 } },
    });
    const row = await tx.annotation.findUniqueOrThrow({ where: { id: before.id }, include: annotationInclude });
    if (count === 0) throw staleVersion(annotationView(row));
    await recordAudit(tx, {
      projectId,
      documentId: before.layer.documentId,
      actorId: opts.actor.id,
      subject: "ANNOTATION",
      subjectId: row.id,
      action: "UPDATE",
      before: auditSnapshot(before),
      after: auditSnapshot(row),
    });
    return { row, layer };
  });
  const annotation = annotationView(saved);
  await publishDocumentEvent({ type: "annotation.updated", ...layerRef(layer, projectId, opts.actor.id), annotation });
  return annotation;
}

/** Removes an annotation from a layer the actor may write. */
export async function deleteAnnotation(opts: { actor: Actor; annotationId: string; version?: number }) {
  const before = await writableAnnotation(opts.actor, opts.annotationId);
  if (opts.version !== undefined && opts.version !== before.version) throw staleVersion(annotationView(before));
  const layer = await db.$transaction(async (tx) => {
    const layer = await layerForWrite(tx, { actor: opts.actor, documentId: before.layer.documentId, target: targetOfLayer(before.layer.kind) });
    const { count } = await tx.annotation.deleteMany({ where: { id: before.id, version: before.version } });
    if (count === 0) throw new AppError("CONFLICT", "This annotation was changed or deleted elsewhere; reload to see the current state");
    await recordAudit(tx, {
      projectId: before.layer.document.projectId,
      documentId: before.layer.documentId,
      actorId: opts.actor.id,
      subject: "ANNOTATION",
      subjectId: before.id,
      action: "DELETE",
      before: auditSnapshot(before),
    });
    return layer;
  });
  await publishDocumentEvent({ type: "annotation.deleted", ...layerRef(layer, before.layer.document.projectId, opts.actor.id), annotationId: before.id });
}
