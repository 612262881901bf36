import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { acceptQuoteLink, QuoteLinkDecisionInput } from "@/lib/review/adjudicate-quote-links";

/** Reviewer: put this annotator's quote, its cue and its speaker into gold, linked as the annotator linked them. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  acceptQuoteLink({ actor, annotationId: params.id, input: await readJson(req, QuoteLinkDecisionInput) }),
);
