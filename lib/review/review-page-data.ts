/**
 * What the review page sends to the browser: each layer's spans without what
 * the browser derives (their text, from the document; the candidates, by
 * lib/review/candidates.ts), so three layers of thousands of spans stay a
 * fraction of the full review (GET /api/v1/documents/:id/review keeps it).
 */
import { pageSpan, type PageSpan } from "@/lib/annotations/page-span";
import type { ReviewData } from "./load-review";

export type ReviewLayerSpan = Omit<PageSpan, "version"> & { reviewState: string };

export function reviewPageData(review: ReviewData) {
  return {
    layers: review.layers.map((l) => ({
      id: l.id,
      name: l.name,
      status: l.status,
      compared: l.compared,
      lastDecision: l.lastDecision,
      annotations: l.annotations.map((a): ReviewLayerSpan => ({ id: a.id, start: a.start, end: a.end, label: a.label, reviewState: a.reviewState })),
    })),
    gold: { id: review.gold.id, status: review.gold.status, annotations: review.gold.annotations.map(pageSpan) },
    blind: review.project.blindReview,
  };
}
export type ReviewPageData = ReturnType<typeof reviewPageData>;
