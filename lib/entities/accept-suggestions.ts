/**
 * Accepting and dismissing suggestions. Accepting one writes it into the
 * actor's layer (own, or gold for reviewers): an unlinked span already at
 * exactly those offsets gets linked; otherwise a new span is created with
 * the entity's type as label. "All" accepts every open suggestion of one
 * entity in one transaction. Dismissals persist per user and document.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { layerForWrite, type LayerTarget } from "@/lib/layers/layer-for-write";
import { labelByName } from "@/lib/annotations/span-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { annotationInclude, annotationView, auditSnapshot } from "@/lib/annotations/annotation-view";
import { layerRef, publishDocumentEvent, type DocumentEvent } from "@/lib/realtime/publish";
import type { Actor } from "@/lib/auth/actor";
import { DISMISSED, dismissedSlot, documentSuggestions } from "./suggestions";

const Id = z.string().min(1).max(200);
const Offset = z.number().int().min(0);
export const AcceptInput = z.union([
  z.object({ entityId: Id, all: z.literal(true) }).strict(),
  z.object({ entityId: Id, start: Offset, end: Offset }).strict(),
]);
export const DismissInput = z.object({ entityId: Id, start: Offset, end: Offset }).strict();

const noSuggestion = () => new AppError("NOT_FOUND", "No such open suggestion on this document (accepted, dismissed or no longer in the registry)");

export async function acceptSuggestions(opts: { actor: Actor; documentId: string; target?: LayerTarget; input: z.input<typeof AcceptInput> }) {
  authorize(opts.actor, "layer:annotate");
  const input = AcceptInput.parse(opts.input);
  const { document: doc, target, layer: spans, suggestions } = await documentSuggestions({ ...opts, unlinkedSpans: true });
  const chosen = suggestions.filter((s) => s.entityId === input.entityId && ("all" in input || (s.start === input.start && s.end === input.end)));
  if (chosen.length === 0) throw noSuggestion();
  const { rows, layer, events } = await db.$transaction(async (tx) => {
    const layer = await layerForWrite(tx, { actor: opts.actor, documentId: doc.id, target });
    const label = await labelByName(tx, doc.projectId, chosen[0].entityType);
    const rows = [];
    const events: DocumentEvent["type"][] = [];
    for (const s of chosen) {
      const existing = spans.find((a) => a.start === s.start && a.end === s.end && a.entityId === null);
      if (existing) {
        const before = await tx.annotation.findUniqueOrThrow({ where: { id: existing.id }, include: annotationInclude });
        const { count } = await tx.annotation.updateMany({
          where: { id: before.id, version: before.version, entityId: null },
          data: { entityId: s.entityId, version: { increment: 1 }, ...(layer.kind === "ANNOTATOR" ? { reviewState: "PENDING" } : {}) },
        });
        if (count === 0) throw new AppError("CONFLICT", "A span there changed meanwhile; reload and try again");
        const row = await tx.annotation.findUniqueOrThrow({ where: { id: before.id }, include: annotationInclude });
        await recordAudit(tx, {
          projectId: doc.projectId,
          documentId: doc.id,
          actorId: opts.actor.id,
          subject: "ANNOTATION",
          subjectId: row.id,
          action: "UPDATE",
          before: auditSnapshot(before),
          after: auditSnapshot(row),
        });
        rows.push(row);
        events.push("annotation.updated");
      } else {
        const row = await tx.annotation.create({
          data: { layerId: layer.id, start: s.start, end: s.end, text: s.text, labelId: label.id, entityId: s.entityId, createdById: opts.actor.id },
          include: annotationInclude,
        });
        await recordAudit(tx, {
          projectId: doc.projectId,
          documentId: doc.id,
          actorId: opts.actor.id,
          subject: "ANNOTATION",
          subjectId: row.id,
          action: "CREATE",
          after: auditSnapshot(row),
        });
        rows.push(row);
        events.push("annotation.created");
      }
    }
    return { rows, layer, events };
  });
  const annotations = rows.map(annotationView);
  for (let i = 0; i < annotations.length; i++) {
    await publishDocumentEvent({ type: events[i] as "annotation.created", ...layerRef(layer, doc.projectId, opts.actor.id), annotation: annotations[i] });
  }
  return { annotations };
}

export async function dismissSuggestion(opts: { actor: Actor; documentId: string; target?: LayerTarget; input: z.input<typeof DismissInput> }) {
  authorize(opts.actor, "layer:annotate");
  const input = DismissInput.parse(opts.input);
  const { document: doc, suggestions } = await documentSuggestions(opts);
  const s = suggestions.find((x) => x.entityId === input.entityId && x.start === input.start && x.end === input.end);
  if (!s) throw noSuggestion();
  const slot = dismissedSlot(opts.actor.id);
  await db.$transaction(async (tx) => {
    const layer = await tx.layer.upsert({
      where: { documentId_slot: { documentId: doc.id, slot } },
      create: { documentId: doc.id, slot, kind: "SUGGESTIONS" },
      update: {},
    });
    const label =
      (await tx.label.findFirst({ where: { projectId: doc.projectId, name: s.entityType } })) ??
      (await tx.label.findFirstOrThrow({ where: { projectId: doc.projectId }, orderBy: { sortOrder: "asc" } }));
    await tx.annotation.create({
      data: {
        layerId: layer.id,
        start: s.start,
        end: s.end,
        text: s.text,
        labelId: label.id,
        entityId: s.entityId,
        reviewState: DISMISSED,
        createdById: opts.actor.id,
      },
    });
  });
  return { dismissed: { entityId: s.entityId, start: s.start, end: s.end, text: s.text } };
}
