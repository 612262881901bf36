import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { QuoteLinkDecisionInput, rejectQuoteLink } from "@/lib/review/adjudicate-quote-links";

/** Reviewer: take this annotator's quote link off the gold quote. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  rejectQuoteLink({ actor, annotationId: params.id, input: await readJson(req, QuoteLinkDecisionInput) }),
);
