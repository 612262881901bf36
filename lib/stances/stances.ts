/**
 * Stances in a layer: holder (a canonical entity) → target → polarity, with
 * confidence and evidence spans of the same layer. Annotators write their own
 * layer, reviewers also the gold layer; nobody another annotator's.
 */
import type { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize, writableStanceScope } from "@/lib/authz";
import { getDocument } from "@/lib/documents/get-document";
import { layerForWrite, type LayerTarget } from "@/lib/layers/layer-for-write";
import { deleteLayerItem, itemForWrite, updateLayerItem, type LayerItemKind } from "@/lib/layers/versioned-write";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishLayerChanges } from "@/lib/realtime/publish-layers";
import { GOLD_SLOT, userSlot } from "@/lib/domain/enums";
import { touchAgreementDocument } from "@/lib/agreement/stored/touch-document";
import type { Actor } from "@/lib/auth/actor";
import { CreateStanceInput, UpdateStanceInput, stanceInclude, stanceSnapshot, stanceView, type StanceRow, type StanceView } from "./stance-input";

/** The stances of the actor's own layer (or the gold layer, reviewers) on a document. */
export async function listStances(opts: { actor: Actor; documentId: string; target?: LayerTarget }): Promise<StanceView[]> {
  const target = opts.target ?? "own";
  if (target === "gold") authorize(opts.actor, "review:decide");
  const doc = await getDocument(opts);
  const rows = await db.stance.findMany({
    where: { layer: { documentId: doc.id, slot: target === "gold" ? GOLD_SLOT : userSlot(opts.actor.id) } },
    include: stanceInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(stanceView);
}

/** 422 unless holder and target belong to the project and every evidence span to the layer. */
async function checkRefs(tx: Tx, opts: { projectId: string; layerId: string; holderId?: string; targetId?: string; evidence?: string[] }) {
  if (opts.holderId && !(await tx.canonicalEntity.findFirst({ where: { id: opts.holderId, projectId: opts.projectId }, select: { id: true } }))) {
    throw new AppError("UNPROCESSABLE", "The holder is not an entity of this project's registry");
  }
  if (opts.targetId && !(await tx.stanceTarget.findFirst({ where: { id: opts.targetId, projectId: opts.projectId }, select: { id: true } }))) {
    throw new AppError("UNPROCESSABLE", "The target is not one of this project's stance targets");
  }
  if (opts.evidence && opts.evidence.length > 0) {
    const found = await tx.annotation.findMany({ where: { id: { in: opts.evidence }, layerId: opts.layerId }, select: { id: true } });
    if (found.length !== opts.evidence.length) {
      const known = new Set(found.map((a) => a.id));
      const missing = opts.evidence.filter((id) => !known.has(id));
      throw new AppError("UNPROCESSABLE", `Evidence must be spans of the same layer and document; not so: ${missing.join(", ")}`, { missing });
    }
  }
}

export async function createStance(opts: {
  actor: Actor;
  documentId: string;
  input: z.input<typeof CreateStanceInput>;
  target?: LayerTarget;
}): Promise<StanceView> {
  authorize(opts.actor, "layer:annotate");
  const input = CreateStanceInput.parse(opts.input);
  const doc = await getDocument(opts);
  const { row, layer } = await db.$transaction(async (tx) => {
    const layer = await layerForWrite(tx, { actor: opts.actor, documentId: doc.id, target: opts.target ?? "own" });
    await checkRefs(tx, { projectId: doc.projectId, layerId: layer.id, ...input });
    const created = await tx.stance.create({
      data: {
        layerId: layer.id,
        holderId: input.holderId,
        targetId: input.targetId,
        polarity: input.polarity,
        confidence: input.confidence,
        documentLevel: input.documentLevel,
        note: input.note,
        createdById: opts.actor.id,
        evidence: { create: input.evidence.map((annotationId) => ({ annotationId })) },
      },
      include: stanceInclude,
    });
    await recordAudit(tx, {
      projectId: doc.projectId,
      documentId: doc.id,
      actorId: opts.actor.id,
      subject: "STANCE",
      subjectId: created.id,
      action: "CREATE",
      after: stanceSnapshot(created),
    });
    if (layer.kind === "ANNOTATOR") await touchAgreementDocument(tx, doc.id); // agreement on stances
    return { row: created, layer };
  });
  await publishLayerChanges([layer], doc.projectId, opts.actor.id);
  return stanceView(row);
}

type WritableStance = StanceRow & { layer: StanceRow["layer"] & { document: { projectId: string } } };

/** Stances as a layer item of lib/layers/versioned-write.ts. */
const stances: LayerItemKind<Tx, WritableStance, StanceRow, StanceView> = {
  noun: "stance",
  subject: "STANCE",
  findWritable: (actor, id) => {
    authorize(actor, "layer:annotate");
    return db.stance.findFirst({
      where: { id, ...writableStanceScope(actor) },
      include: { ...stanceInclude, layer: { select: { documentId: true, kind: true, document: { select: { projectId: true } } } } },
    });
  },
  reload: (tx, id) => tx.stance.findUnique({ where: { id }, include: stanceInclude }),
  view: stanceView,
  snapshot: stanceSnapshot,
  transaction: (fn) => db.$transaction(fn),
  layerForWrite,
  deleteAtVersion: async (tx, id, version) => {
    const row = await tx.stance.findUnique({ where: { id }, select: { layer: { select: { documentId: true, kind: true } } } });
    const { count } = await tx.stance.deleteMany({ where: { id, version } });
    if (count > 0 && row?.layer.kind === "ANNOTATOR") await touchAgreementDocument(tx, row.layer.documentId); // agreement on stances
    return count;
  },
  audit: recordAudit,
  publish: (layer, projectId, actorId) => publishLayerChanges([layer], projectId, actorId),
};

export async function updateStance(opts: { actor: Actor; stanceId: string; input: z.input<typeof UpdateStanceInput> }): Promise<StanceView> {
  const input = UpdateStanceInput.parse(opts.input);
  const before = await itemForWrite(stances, { actor: opts.actor, id: opts.stanceId, version: input.version });
  const { projectId } = before.layer.document;
  const documentLevel = input.documentLevel ?? before.documentLevel;
  const evidenceCount = input.evidence?.length ?? before.evidence.length;
  if (!documentLevel && evidenceCount === 0) throw new AppError("UNPROCESSABLE", "Give at least one evidence span, or mark the stance document-level");

  const { view } = await updateLayerItem(stances, {
    actor: opts.actor,
    before,
    change: async (tx) => {
      await checkRefs(tx, { projectId, layerId: before.layerId, holderId: input.holderId, targetId: input.targetId, evidence: input.evidence });
      const { count } = await tx.stance.updateMany({
        where: { id: before.id, version: before.version },
        data: {
          ...(input.holderId ? { holderId: input.holderId } : {}),
          ...(input.targetId ? { targetId: input.targetId } : {}),
          ...(input.polarity ? { polarity: input.polarity } : {}),
          ...(input.confidence !== undefined ? { confidence: input.confidence } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
          documentLevel,
          ...(before.layer.kind === "ANNOTATOR" ? { reviewState: "PENDING" } : {}),
          version: { increment: 1 },
        },
      });
      if (count > 0 && before.layer.kind === "ANNOTATOR") await touchAgreementDocument(tx, before.layer.documentId); // agreement on stances
      if (count > 0 && input.evidence) {
        await tx.stanceEvidence.deleteMany({ where: { stanceId: before.id, annotationId: { notIn: input.evidence } } });
        const kept = new Set(before.evidence.map((e) => e.annotation.id));
        const added = input.evidence.filter((id) => !kept.has(id));
        for (const annotationId of added) await tx.stanceEvidence.create({ data: { stanceId: before.id, annotationId } });
      }
      return count;
    },
  });
  return view;
}

export async function deleteStance(opts: { actor: Actor; stanceId: string; version?: number }): Promise<void> {
  await deleteLayerItem(stances, { actor: opts.actor, id: opts.stanceId, version: opts.version });
}
