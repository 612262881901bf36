import { apiRoute } from "@/lib/api/route";
import { documentView } from "@/lib/documents/get-document";
import { loadReview } from "@/lib/review/load-review";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const review = await loadReview({ actor, documentId: params.id });
  return { ...review, document: documentView(review.document) };
});
