import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { ReviewDocLabelInput, reviewDocLabel } from "@/lib/doc-labels/review-doc-labels";

/** Reviewer: accept a document label choice into gold, or reject it (out of gold); the annotators' values of it carry the decision. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, ReviewDocLabelInput);
  return reviewDocLabel({ actor, documentId: params.id, input });
});
