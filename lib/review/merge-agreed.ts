/** One action that puts everything the annotators agree on into gold, leaving only disagreements to adjudicate. */
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { getDocument } from "@/lib/documents/get-document";
import { recordAudit } from "@/lib/audit/record-audit";
import { layerForWrite } from "@/lib/layers/layer-for-write";
import type { Actor } from "@/lib/auth/actor";
import { groupCandidates, meetsThreshold } from "./candidates";
import { copyIntoGold, markReviewState } from "./gold-copy";
import { COMPARED_STATUSES } from "./load-review";
import { publishLayerChanges } from "@/lib/realtime/publish-layers";
import { mergeAgreedDocLabels } from "@/lib/doc-labels/review-doc-labels";

export const MergeInput = z.object({ threshold: z.enum(["unanimous", "majority"]).default("unanimous") });

export async function mergeAgreed(opts: { actor: Actor; documentId: string; input: z.input<typeof MergeInput> }) {
  authorize(opts.actor, "review:decide");
  const { threshold } = MergeInput.parse(opts.input);
  const doc = await getDocument(opts);
  const { result, gold } = await db.$transaction(async (tx) => {
    const layers = await tx.layer.findMany({
      where: { documentId: doc.id, kind: "ANNOTATOR", status: { in: COMPARED_STATUSES } },
      include: { annotations: { include: { label: { select: { name: true } } } } },
    });
    if (layers.length === 0) throw new AppError("CONFLICT", "No annotator has submitted this document yet; there is nothing to merge");
    const gold = await layerForWrite(tx, { actor: opts.actor, documentId: doc.id, target: "gold" });
    const sources = new Map(layers.flatMap((l) => l.annotations.map((a) => [a.id, a] as const)));
    const candidates = groupCandidates(
      layers.map((l) => ({ layerId: l.id, annotations: l.annotations.map((a) => ({ ...a, label: a.label.name })) })),
      [],
    );
    let merged = 0;
    let alreadyInGold = 0;
    for (const c of candidates) {
      if (!meetsThreshold(c.support.length, layers.length, threshold)) continue;
      const source = sources.get(c.support[0].annotationId)!;
      const { created } = await copyIntoGold(tx, { actor: opts.actor, projectId: doc.projectId, documentId: doc.id, goldLayerId: gold.id, source });
      if (created) merged++;
      else alreadyInGold++;
      await markReviewState(tx, { documentId: doc.id, start: c.start, end: c.end, labelId: source.labelId, state: "ACCEPTED" });
    }
    const docLabels = await mergeAgreedDocLabels(tx, { actor: opts.actor, projectId: doc.projectId, documentId: doc.id, goldLayerId: gold.id, threshold });
    const result = {
      threshold,
      layers: layers.length,
      merged,
      alreadyInGold,
      leftToAdjudicate: candidates.length - merged - alreadyInGold,
      docLabelsMerged: docLabels.merged,
    };
    await recordAudit(tx, {
      projectId: doc.projectId,
      documentId: doc.id,
      actorId: opts.actor.id,
      subject: "REVIEW",
      subjectId: gold.id,
      action: "MERGE_AGREED",
      after: result,
    });
    return { result, gold };
  });
  await publishLayerChanges([gold], doc.projectId, opts.actor.id);
  return result;
}
