/**
 * What the review page sends to the browser: each layer's spans without what
 * the browser derives (their text, from the document; the candidates, by
 * lib/review/candidates.ts), read without joins, so three layers of
 * thousands of spans stay a fraction of the full review
 * (GET /api/v1/documents/:id/review, lib/review/load-review.ts, keeps it).
 */
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz";
import { getDocument } from "@/lib/documents/get-document";
import { GOLD_SLOT } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import type { PageSpan } from "@/lib/annotations/page-span";
import { COMPARED_STATUSES, lastDecisionView } from "./load-review";
import { annotatorName } from "./pseudonyms";

export type ReviewLayerSpan = Omit<PageSpan, "version"> & { reviewState: string };

const spanColumns = { id: true, start: true, end: true, labelId: true, version: true, reviewState: true } as const;
const inTextOrder = [{ start: "asc" as const }, { end: "desc" as const }];

export async function loadReviewPage(opts: { actor: Actor; documentId: string }) {
  authorize(opts.actor, "review:decide");
  const doc = await getDocument(opts);
  const [project, labels, layers, gold] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: doc.projectId }, select: { blindReview: true } }),
    db.label.findMany({ where: { projectId: doc.projectId }, select: { id: true, name: true } }),
    db.layer.findMany({
      where: { documentId: doc.id, kind: "ANNOTATOR" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        user: { select: { name: true } },
        annotations: { select: spanColumns, orderBy: inTextOrder },
        reviews: { orderBy: { createdAt: "desc" }, take: 1, select: { decision: true, comment: true, createdAt: true, reviewer: { select: { name: true } } } },
      },
    }),
    db.layer.findUnique({ where: { documentId_slot: { documentId: doc.id, slot: GOLD_SLOT } }, select: { id: true, status: true, annotations: { select: spanColumns, orderBy: inTextOrder } } }),
  ]);
  const names = new Map(labels.map((l) => [l.id, l.name]));
  const label = (labelId: string) => names.get(labelId) ?? "?";
  return {
    document: doc,
    layers: layers.map((l, i) => ({
      id: l.id,
      name: annotatorName({ blind: project.blindReview, position: i, name: l.user?.name ?? "Unknown" }),
      status: l.status,
      compared: COMPARED_STATUSES.includes(l.status),
      lastDecision: lastDecisionView(l.reviews[0]),
      annotations: l.annotations.map((a): ReviewLayerSpan => ({ id: a.id, start: a.start, end: a.end, label: label(a.labelId), reviewState: a.reviewState })),
    })),
    gold: {
      id: gold?.id ?? null,
      status: gold?.status ?? "NOT_STARTED",
      annotations: (gold?.annotations ?? []).map((a): PageSpan => ({ id: a.id, start: a.start, end: a.end, label: label(a.labelId), version: a.version })),
    },
    blind: project.blindReview,
  };
}
export type ReviewPageData = Omit<Awaited<ReturnType<typeof loadReviewPage>>, "document">;
