/**
 * Document labels in review: each annotator's choices per set next to gold's,
 * with agreement marked; the reviewer accepts a choice into gold (replacing
 * gold's other choice of a single-choice set) or rejects it; an agreed merge
 * (the review's "merge agreed", and approving the document) puts into gold
 * what the compared layers agree on. Audited as REVIEW events.
 */
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { getDocument } from "@/lib/documents/get-document";
import { layerForWrite } from "@/lib/layers/layer-for-write";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishLayerChanges } from "@/lib/realtime/publish-layers";
import { listAnnotatorLayers } from "@/lib/review/review-page-data";
import { COMPARED_STATUSES } from "@/lib/review/load-review";
import type { MergeThreshold } from "@/lib/review/candidates";
import type { Actor } from "@/lib/auth/actor";
import { agreedChoices, compareSet, type CompareSet, type SetComparison } from "./compare";

export const ReviewDocLabelInput = z.object({ choiceId: z.string().trim().min(1).max(200), decision: z.enum(["accept", "reject"]) }).strict();

type SetWithChoices = Omit<CompareSet, "choices"> & {
  description: string;
  archived: boolean;
  choices: { id: string; name: string; description: string; archived: boolean }[];
};

async function projectSets(client: Tx | typeof db, projectId: string): Promise<SetWithChoices[]> {
  return client.docLabelSet.findMany({
    where: { projectId },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      multiple: true,
      archived: true,
      choices: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true, description: true, archived: true } },
    },
  });
}

/** Everything the review panel shows: sets, each annotator layer's choices (named as the reviewer may see them), gold's, and the comparison. */
export async function loadReviewDocLabels(opts: { actor: Actor; documentId: string }) {
  authorize(opts.actor, "review:decide");
  const doc = await getDocument(opts);
  const [{ layers }, sets, values] = await Promise.all([
    listAnnotatorLayers(doc, opts.actor),
    projectSets(db, doc.projectId),
    db.docLabelValue.findMany({
      where: { layer: { documentId: doc.id, kind: { in: ["ANNOTATOR", "GOLD"] } } },
      select: { choiceId: true, reviewState: true, layerId: true, layer: { select: { kind: true } } },
    }),
  ]);
  const held = (layerId: string) => values.filter((v) => v.layerId === layerId).map((v) => v.choiceId);
  const goldValues = values.filter((v) => v.layer.kind === "GOLD").map((v) => v.choiceId);
  const everHeld = new Set(values.map((v) => v.choiceId));
  // archived sets and choices only where some layer holds them
  const shown = sets
    .map((s) => ({ ...s, choices: s.choices.filter((c) => !(c.archived || s.archived) || everHeld.has(c.id)) }))
    .filter((s) => s.choices.length > 0 && (!s.archived || s.choices.some((c) => everHeld.has(c.id))));
  const compared = layers.filter((l) => l.compared).map((l) => ({ id: l.id, choiceIds: held(l.id) }));
  const reviewState: Record<string, string> = {};
  for (const v of values) if (v.layer.kind === "ANNOTATOR" && v.reviewState !== "PENDING") reviewState[v.choiceId] = v.reviewState;
  return {
    documentId: doc.id,
    sets: shown,
    layers: layers.map((l) => ({ id: l.id, name: l.name, status: l.status, compared: l.compared, choiceIds: held(l.id) })),
    gold: goldValues,
    comparison: shown.map((s): SetComparison => compareSet(s, compared)),
    /** per choice id: ACCEPTED or REJECTED once the reviewer decided on it */
    reviewState,
  };
}
export type ReviewDocLabels = Awaited<ReturnType<typeof loadReviewDocLabels>>;

/** Accepts a choice into gold, or rejects it (and takes it out of gold); the annotators' values of it carry the decision. */
export async function reviewDocLabel(opts: { actor: Actor; documentId: string; input: z.input<typeof ReviewDocLabelInput> }) {
  authorize(opts.actor, "review:decide");
  const { choiceId, decision } = ReviewDocLabelInput.parse(opts.input);
  const doc = await getDocument(opts);
  const { gold, goldChoices } = await db.$transaction(async (tx) => {
    const choice = await tx.docLabelChoice.findFirst({
      where: { id: choiceId, set: { projectId: doc.projectId } },
      include: { set: { select: { id: true, name: true, multiple: true, archived: true, choices: { select: { id: true } } } } },
    });
    if (!choice) throw new AppError("UNPROCESSABLE", `${choiceId} is not a document label of this project`, { field: "choiceId" });
    const gold = await layerForWrite(tx, { actor: opts.actor, documentId: doc.id, target: "gold" });
    const before = await tx.docLabelValue.findMany({ where: { layerId: gold.id }, select: { choiceId: true } });
    if (decision === "accept") {
      if ((choice.archived || choice.set.archived) && !before.some((v) => v.choiceId === choice.id)) {
        const holders = await tx.docLabelValue.count({ where: { choiceId: choice.id, layer: { documentId: doc.id, kind: "ANNOTATOR" } } });
        if (holders === 0)
          throw new AppError("UNPROCESSABLE", `${choice.set.name}: ${choice.name} is archived and no annotator chose it`, { field: "choiceId" });
      }
      if (!choice.set.multiple) {
        const siblings = choice.set.choices.map((c) => c.id).filter((id) => id !== choice.id);
        await tx.docLabelValue.deleteMany({ where: { layerId: gold.id, choiceId: { in: siblings } } });
      }
      await tx.docLabelValue.upsert({
        where: { layerId_choiceId: { layerId: gold.id, choiceId: choice.id } },
        create: { layerId: gold.id, choiceId: choice.id, reviewState: "ACCEPTED", createdById: opts.actor.id },
        update: {},
      });
    } else {
      await tx.docLabelValue.deleteMany({ where: { layerId: gold.id, choiceId: choice.id } });
    }
    const state = decision === "accept" ? "ACCEPTED" : "REJECTED";
    await tx.docLabelValue.updateMany({ where: { choiceId: choice.id, layer: { documentId: doc.id, kind: "ANNOTATOR" } }, data: { reviewState: state } });
    const after = await tx.docLabelValue.findMany({ where: { layerId: gold.id }, select: { choiceId: true } });
    await recordAudit(tx, {
      projectId: doc.projectId,
      documentId: doc.id,
      actorId: opts.actor.id,
      subject: "REVIEW",
      subjectId: choice.id,
      action: decision === "accept" ? "ACCEPT_DOC_LABEL" : "REJECT_DOC_LABEL",
      before: { gold: before.map((v) => v.choiceId) },
      after: { set: choice.set.name, choice: choice.name, reviewState: state, gold: after.map((v) => v.choiceId) },
    });
    return { gold, goldChoices: after.map((v) => v.choiceId) };
  });
  await publishLayerChanges([gold], doc.projectId, opts.actor.id);
  return { documentId: doc.id, choiceId, decision, gold: goldChoices };
}

/**
 * Inside a review transaction (merge agreed, approve): puts into gold the choices the compared annotator layers
 * agree on (lib/doc-labels/compare.ts `agreedChoices`) and marks the annotators' values of them accepted.
 */
export async function mergeAgreedDocLabels(
  tx: Tx,
  opts: { actor: Actor; projectId: string; documentId: string; goldLayerId: string; threshold: MergeThreshold },
): Promise<{ merged: number }> {
  const layers = await tx.layer.findMany({
    where: { documentId: opts.documentId, kind: "ANNOTATOR", status: { in: COMPARED_STATUSES } },
    select: { id: true, docLabels: { select: { choiceId: true, reviewState: true } } },
  });
  if (layers.length === 0) return { merged: 0 };
  const sets = await projectSets(tx, opts.projectId);
  const gold = (await tx.docLabelValue.findMany({ where: { layerId: opts.goldLayerId }, select: { choiceId: true } })).map((v) => v.choiceId);
  const rejected = new Set(layers.flatMap((l) => l.docLabels.filter((v) => v.reviewState === "REJECTED").map((v) => v.choiceId)));
  const compared = layers.map((l) => ({ id: l.id, choiceIds: l.docLabels.map((v) => v.choiceId) }));
  const added: string[] = [];
  for (const set of sets) {
    const ids = agreedChoices(set, compareSet(set, compared), { layers: layers.length, threshold: opts.threshold, gold, rejected });
    for (const choiceId of ids) {
      await tx.docLabelValue.create({ data: { layerId: opts.goldLayerId, choiceId, reviewState: "ACCEPTED", createdById: opts.actor.id } });
      await tx.docLabelValue.updateMany({ where: { choiceId, layerId: { in: layers.map((l) => l.id) } }, data: { reviewState: "ACCEPTED" } });
      added.push(`${set.name}: ${set.choices.find((c) => c.id === choiceId)!.name}`);
    }
  }
  if (added.length) {
    await recordAudit(tx, {
      projectId: opts.projectId,
      documentId: opts.documentId,
      actorId: opts.actor.id,
      subject: "REVIEW",
      subjectId: opts.goldLayerId,
      action: "MERGE_AGREED_DOC_LABELS",
      after: { threshold: opts.threshold, layers: layers.length, merged: added },
    });
  }
  return { merged: added.length };
}
