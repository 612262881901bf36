/**
 * Quote attribution in the newsroom shape: a QUOTE content span points at its
 * cue span ("said") and its speaker span (an ENTITY span, whose canonical
 * entity is the speaker). All three live in the same layer.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { authorize, writableAnnotationScope } from "@/lib/authz";
import { layerForWrite, targetOfLayer } from "@/lib/layers/layer-for-write";
import { recordAudit } from "@/lib/audit/record-audit";
import { annotationInclude, annotationView } from "@/lib/annotations/annotation-view";
import { staleVersion } from "@/lib/annotations/update-annotation";
import { layerRef, publishDocumentEvent } from "@/lib/realtime/publish";
import type { Actor } from "@/lib/auth/actor";

const Ref = z.string().trim().min(1).max(64).nullable();
export const QuoteLinksInput = z.object({ cueId: Ref, speakerId: Ref, version: z.number().int() });

export type QuoteLinks = { annotationId: string; cueId: string | null; speakerId: string | null; version: number };

const withKind = { ...annotationInclude, label: { select: { name: true, kind: true } } } as const;

async function quoteSpan(actor: Actor, id: string, scope: object) {
  const row = await db.annotation.findFirst({
    where: { id, ...scope },
    include: { ...withKind, layer: { select: { documentId: true, kind: true, document: { select: { projectId: true } } } } },
  });
  if (!row) throw notFound("Annotation");
  if (row.label.kind !== "QUOTE") throw new AppError("UNPROCESSABLE", `Only QUOTE spans carry a cue and a speaker; this one is ${row.label.name}`);
  return row;
}

const links = (a: { id: string; quoteCueId: string | null; quoteSpeakerId: string | null; version: number }): QuoteLinks => ({
  annotationId: a.id,
  cueId: a.quoteCueId,
  speakerId: a.quoteSpeakerId,
  version: a.version,
});

/** A quote's links, readable wherever its span is writable. */
export async function getQuoteLinks(opts: { actor: Actor; annotationId: string }): Promise<QuoteLinks> {
  return links(await quoteSpan(opts.actor, opts.annotationId, writableAnnotationScope(opts.actor)));
}

export async function setQuoteLinks(opts: { actor: Actor; annotationId: string; input: z.input<typeof QuoteLinksInput> }): Promise<QuoteLinks> {
  authorize(opts.actor, "layer:annotate");
  const input = QuoteLinksInput.parse(opts.input);
  const before = await quoteSpan(opts.actor, opts.annotationId, writableAnnotationScope(opts.actor));
  if (input.version !== before.version) throw staleVersion(annotationView(before));
  const check = async (id: string | null, kind: "CUE" | "ENTITY", role: string) => {
    if (!id) return;
    const other = await db.annotation.findFirst({ where: { id, layerId: before.layerId }, select: { label: { select: { kind: true, name: true } } } });
    if (!other) throw new AppError("UNPROCESSABLE", `The ${role} must be a span of the same layer and document`);
    if (other.label.kind !== kind) throw new AppError("UNPROCESSABLE", `The ${role} must be a ${kind} span; this one is ${other.label.name}`);
  };
  await check(input.cueId, "CUE", "cue");
  await check(input.speakerId, "ENTITY", "speaker");

  const { row, layer } = await db.$transaction(async (tx) => {
    const layer = await layerForWrite(tx, { actor: opts.actor, documentId: before.layer.documentId, target: targetOfLayer(before.layer.kind) });
    const { count } = await tx.annotation.updateMany({
      where: { id: before.id, version: before.version },
      data: {
        quoteCueId: input.cueId,
        quoteSpeakerId: input.speakerId,
        version: { increment: 1 },
        ...(before.layer.kind === "ANNOTATOR" ? { reviewState: "PENDING" } : {}),
      },
    });
    const row = await tx.annotation.findUniqueOrThrow({ where: { id: before.id }, include: annotationInclude });
    if (count === 0) throw staleVersion(annotationView(row));
    await recordAudit(tx, {
      projectId: before.layer.document.projectId,
      documentId: before.layer.documentId,
      actorId: opts.actor.id,
      subject: "ANNOTATION",
      subjectId: before.id,
      action: "QUOTE",
      before: { quoteCueId: before.quoteCueId, quoteSpeakerId: before.quoteSpeakerId, version: before.version },
      after: { quoteCueId: row.quoteCueId, quoteSpeakerId: row.quoteSpeakerId, version: row.version },
    });
    return { row, layer };
  });
  await publishDocumentEvent({
    type: "annotation.updated",
    ...layerRef(layer, before.layer.document.projectId, opts.actor.id),
    annotation: annotationView(row),
  });
  return links(row);
}
