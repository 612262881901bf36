import { apiRoute } from "@/lib/api/route";
import { loadReviewPage } from "@/lib/review/review-page-data";

/** The review page's layers in compact form (the full review with span texts is GET …/review). */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const { document: _document, ...review } = await loadReviewPage({ actor, documentId: params.id });
  return review;
});
