import { apiRoute } from "@/lib/api/route";
import { documentView } from "@/lib/documents/get-document";
import { loadReview } from "@/lib/review/load-review";
import { reviewStancesAndLinks } from "@/lib/review/review-stances";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const review = await loadReview({ actor, documentId: params.id });
  const { stances, quoteLinks, gold } = await reviewStancesAndLinks(review.document, actor);
  return { ...review, document: documentView(review.document), stances: { candidates: stances, gold }, quoteLinks };
});
