/**
 * Linking a mention (an annotation in a layer the actor may write) to a
 * registry entity, unlinking it, or creating the entity from the mention in
 * place. Each is an ANNOTATION UPDATE in the audit history, version-checked.
 */
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { authorize, writableAnnotationScope } from "@/lib/authz";
import { layerForWrite, targetOfLayer } from "@/lib/layers/layer-for-write";
import { recordAudit } from "@/lib/audit/record-audit";
import { annotationInclude, annotationView, auditSnapshot } from "@/lib/annotations/annotation-view";
import { staleVersion } from "@/lib/annotations/update-annotation";
import { layerRef, publishDocumentEvent } from "@/lib/realtime/publish";
import type { Actor } from "@/lib/auth/actor";
import { insertEntity } from "./save-entity";
import { NewEntity } from "./entity-input";
import { entityInclude, entityView } from "./entity-view";

async function writableMention(actor: Actor, annotationId: string) {
  const row = await db.annotation.findFirst({
    where: { id: annotationId, ...writableAnnotationScope(actor) },
    include: { ...annotationInclude, layer: { select: { documentId: true, kind: true, document: { select: { projectId: true } } } } },
  });
  if (!row) throw notFound("Annotation");
  return row;
}

/** The entity a mention is linked to (null when none), with the mention's version. */
export async function mentionEntity(opts: { actor: Actor; annotationId: string }) {
  const row = await writableMention(opts.actor, opts.annotationId);
  const entity = row.entityId ? await db.canonicalEntity.findUnique({ where: { id: row.entityId }, include: entityInclude }) : null;
  return { annotation: annotationView(row), entity: entity ? entityView(entity) : null };
}

type Mention = Awaited<ReturnType<typeof writableMention>>;

async function setEntity(tx: Tx, actor: Actor, before: Mention, entityId: string | null) {
  const layer = await layerForWrite(tx, { actor, documentId: before.layer.documentId, target: targetOfLayer(before.layer.kind) });
  const { count } = await tx.annotation.updateMany({
    where: { id: before.id, version: before.version },
    data: { entityId, ...(before.layer.kind === "ANNOTATOR" ? { reviewState: "PENDING" } : {}), version: { increment: 1 } },
  });
  const row = await tx.annotation.findUniqueOrThrow({ where: { id: before.id }, include: annotationInclude });
  if (count === 0) throw staleVersion(annotationView(row));
  await recordAudit(tx, {
    projectId: before.layer.document.projectId,
    documentId: before.layer.documentId,
    actorId: actor.id,
    subject: "ANNOTATION",
    subjectId: row.id,
    action: "UPDATE",
    before: auditSnapshot(before),
    after: auditSnapshot(row),
  });
  return { row, layer };
}

async function publishLinked(actor: Actor, projectId: string, layer: Parameters<typeof layerRef>[0], row: Parameters<typeof annotationView>[0]) {
  const annotation = annotationView(row);
  await publishDocumentEvent({ type: "annotation.updated", ...layerRef(layer, projectId, actor.id), annotation });
  return annotation;
}

/** Links (entityId) or unlinks (null) a mention; `version` must be the one the caller saw. */
export async function linkMention(opts: { actor: Actor; annotationId: string; entityId: string | null; version: number }) {
  authorize(opts.actor, "entity:edit");
  const before = await writableMention(opts.actor, opts.annotationId);
  const projectId = before.layer.document.projectId;
  if (opts.version !== before.version) throw staleVersion(annotationView(before));
  if (opts.entityId) {
    const entity = await db.canonicalEntity.findFirst({ where: { id: opts.entityId, projectId } });
    if (!entity) throw new AppError("UNPROCESSABLE", "No such entity in this document's project");
  }
  const { row, layer } = await db.$transaction((tx) => setEntity(tx, opts.actor, before, opts.entityId));
  const annotation = await publishLinked(opts.actor, projectId, layer, row);
  const entity = opts.entityId ? entityView(await db.canonicalEntity.findUniqueOrThrow({ where: { id: opts.entityId }, include: entityInclude })) : null;
  return { annotation, entity };
}

/** Creates an entity named after the mention (type: its label, unless given) and links the mention to it, in one transaction. */
export async function createEntityFromMention(opts: {
  actor: Actor;
  annotationId: string;
  version?: number;
  create: { name?: string; type?: string; aliases?: string[]; note?: string; externalId?: string | null };
}) {
  authorize(opts.actor, "entity:edit");
  const before = await writableMention(opts.actor, opts.annotationId);
  const projectId = before.layer.document.projectId;
  if (opts.version !== undefined && opts.version !== before.version) throw staleVersion(annotationView(before));
  const input = NewEntity.parse({ ...opts.create, name: opts.create.name ?? before.text, type: opts.create.type ?? before.label.name });
  const { row, layer, entity } = await db.$transaction(async (tx) => {
    const entity = await insertEntity(tx, { actor: opts.actor, projectId, input });
    return { ...(await setEntity(tx, opts.actor, before, entity.id)), entity };
  });
  const annotation = await publishLinked(opts.actor, projectId, layer, row);
  return { annotation, entity: entityView(entity) };
}
