/** Everything the review page shows for one document: every annotator's layer, the gold layer, the candidates. */
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz";
import { getDocumentWithText } from "@/lib/documents/get-document";
import { GOLD_SLOT, type LayerStatus } from "@/lib/domain/enums";
import { annotationInclude, annotationView } from "@/lib/annotations/annotation-view";
import type { Actor } from "@/lib/auth/actor";
import { groupCandidates } from "./candidates";
import { seenAs } from "./blind";
import { readPointedSpans } from "./pointed-spans";
import { AppError } from "@/lib/errors";

/** Layers a reviewer compares: handed in, or already approved. */
export const COMPARED_STATUSES: LayerStatus[] = ["SUBMITTED", "APPROVED"];

/**
 * Refuses (409) a decision on an annotator's stance or quote whose layer is not submitted yet, or that changed since
 * the reviewer saw it (`version`, when the reviewer sends it).
 */
export function assertDecidable(item: { version: number; layer: { status: LayerStatus } }, what: { one: string; many: string }, version: number | undefined) {
  if (!COMPARED_STATUSES.includes(item.layer.status)) {
    throw new AppError("CONFLICT", `This annotator has not submitted the document yet; review their ${what.many} once they do`);
  }
  if (version !== undefined && version !== item.version) {
    throw new AppError("CONFLICT", `The annotator changed this ${what.one} since (version ${item.version}, not ${version}); look again before deciding`, {
      version: item.version,
    });
  }
}

/** A layer's latest review decision as the review page and API show it. */
export function lastDecisionView(
  review: { decision: string; comment: string; spans: unknown; createdAt: Date; reviewer: { name: string } } | null | undefined,
) {
  return review
    ? {
        decision: review.decision,
        comment: review.comment,
        spans: readPointedSpans(review.spans),
        reviewer: review.reviewer.name,
        at: review.createdAt.toISOString(),
      }
    : null;
}

export async function loadReview(opts: { actor: Actor; documentId: string }) {
  authorize(opts.actor, "review:decide");
  const doc = await getDocumentWithText(opts);
  const project = await db.project.findUniqueOrThrow({ where: { id: doc.projectId }, select: { id: true, name: true, blindReview: true, guidelines: true } });
  const spans = { include: { ...annotationInclude }, orderBy: [{ start: "asc" as const }, { end: "desc" as const }] };
  const [layers, gold] = await Promise.all([
    db.layer.findMany({
      where: { documentId: doc.id, kind: "ANNOTATOR" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: {
        user: { select: { id: true, name: true } },
        annotations: spans,
        reviews: { orderBy: { createdAt: "desc" }, take: 1, include: { reviewer: { select: { name: true } } } },
      },
    }),
    db.layer.findUnique({ where: { documentId_slot: { documentId: doc.id, slot: GOLD_SLOT } }, include: { annotations: spans } }),
  ]);

  const views = layers.map((l) => ({
    id: l.id,
    name: l.user ? seenAs(opts.actor, project, l.user).name : "Unknown",
    status: l.status,
    submittedAt: l.submittedAt?.toISOString() ?? null,
    compared: COMPARED_STATUSES.includes(l.status),
    annotations: l.annotations.map((a) => ({ ...annotationView(a), reviewState: a.reviewState })),
    lastDecision: lastDecisionView(l.reviews[0]),
  }));
  const goldAnnotations = (gold?.annotations ?? []).map(annotationView);
  const compared = views.filter((l) => l.compared);
  const candidates = groupCandidates(
    compared.map((l) => ({ layerId: l.id, annotations: l.annotations })),
    goldAnnotations,
  );
  return {
    document: doc,
    project,
    layers: views,
    gold: { id: gold?.id ?? null, status: gold?.status ?? "NOT_STARTED", annotations: goldAnnotations },
    candidates,
  };
}
export type ReviewData = Awaited<ReturnType<typeof loadReview>>;
