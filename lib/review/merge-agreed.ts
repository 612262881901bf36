/** One action that puts everything the annotators agree on into gold, leaving only disagreements to adjudicate. */
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
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
import { linkKey } from "./quote-link-candidates";
import { groupStanceCandidates, stanceToMerge } from "./stance-candidates";
import { copyStanceIntoGold, stanceSourceInclude } from "./adjudicate-stances";

export const MergeInput = z.object({ threshold: z.enum(["unanimous", "majority"]).default("unanimous") });

export async function mergeAgreed(opts: { actor: Actor; documentId: string; input: z.input<typeof MergeInput> }) {
  authorize(opts.actor, "review:decide");
  const { threshold } = MergeInput.parse(opts.input);
  const doc = await getDocument(opts);
  const { result, gold } = await db.$transaction(async (tx) => {
    const layers = await tx.layer.findMany({
      where: { documentId: doc.id, kind: "ANNOTATOR", status: { in: COMPARED_STATUSES } },
      include: {
        annotations: { include: { label: { select: { name: true, kind: true } } } },
        stances: { include: stanceSourceInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      },
    });
    if (layers.length === 0) throw new AppError("CONFLICT", "No annotator has submitted this document yet; there is nothing to merge");
    const gold = await layerForWrite(tx, { actor: opts.actor, documentId: doc.id, target: "gold" });
    const sources = new Map(layers.flatMap((l) => l.annotations.map((a) => [a.id, a] as const)));
    const candidates = groupCandidates(
      layers.map((l) => ({ layerId: l.id, annotations: l.annotations.map((a) => ({ ...a, label: a.label.name })) })),
      [],
    );
    // A quote goes in with its cue and speaker links, so only when its supporters also agree on those links.
    const named = new Map([...sources].map(([id, a]) => [id, { ...a, label: a.label.name }]));
    const linkOf = (id: string) => linkKey(named.get(id)!, named);
    let merged = 0;
    let alreadyInGold = 0;
    for (const c of candidates) {
      if (!meetsThreshold(c.support.length, layers.length, threshold)) continue;
      const source = sources.get(c.support[0].annotationId)!;
      if (source.label.kind === "QUOTE" && !c.goldId && new Set(c.support.map((s) => linkOf(s.annotationId))).size > 1) continue;
      const { created } = await copyIntoGold(tx, { actor: opts.actor, projectId: doc.projectId, documentId: doc.id, goldLayerId: gold.id, source });
      if (created) merged++;
      else alreadyInGold++;
      await markReviewState(tx, { documentId: doc.id, start: c.start, end: c.end, labelId: source.labelId, state: "ACCEPTED" });
    }
    const docLabels = await mergeAgreedDocLabels(tx, { actor: opts.actor, projectId: doc.projectId, documentId: doc.id, goldLayerId: gold.id, threshold });
    const stanceResult = await mergeAgreedStances(tx, { actor: opts.actor, goldLayerId: gold.id, layers, threshold });
    const result = {
      threshold,
      layers: layers.length,
      merged,
      alreadyInGold,
      leftToAdjudicate: candidates.length - merged - alreadyInGold,
      docLabelsMerged: docLabels.merged,
      stances: stanceResult,
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

type StanceSourceRow = Parameters<typeof copyStanceIntoGold>[1]["source"];

/** Agreed stances (per holder → target, the polarity enough layers stated) into gold, unless gold has a stance on the pair. */
async function mergeAgreedStances(
  tx: Tx,
  opts: { actor: Actor; goldLayerId: string; layers: { id: string; stances: StanceSourceRow[] }[]; threshold: "unanimous" | "majority" },
) {
  const byId = new Map(opts.layers.flatMap((l) => l.stances.map((s) => [s.id, s] as const)));
  const goldStances = await tx.stance.findMany({
    where: { layerId: opts.goldLayerId },
    select: { id: true, holderId: true, targetId: true, polarity: true, originId: true },
  });
  const candidates = groupStanceCandidates(
    opts.layers.map((l) => ({
      layerId: l.id,
      stances: l.stances.map((s) => ({
        ...s,
        evidence: s.evidence.map((e) => ({ annotationId: e.annotation.id, start: e.annotation.start, end: e.annotation.end, text: e.annotation.text })),
      })),
    })),
    goldStances,
  );
  let merged = 0;
  let alreadyInGold = 0;
  for (const c of candidates) {
    if (c.gold) {
      alreadyInGold++;
      continue;
    }
    const entry = stanceToMerge(c, opts.layers.length, opts.threshold);
    if (!entry) continue;
    await copyStanceIntoGold(tx, { actor: opts.actor, goldLayerId: opts.goldLayerId, source: byId.get(entry.id)! });
    merged++;
  }
  return { merged, alreadyInGold, leftToAdjudicate: candidates.length - merged - alreadyInGold };
}
