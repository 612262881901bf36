import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { getQuoteLinks, QuoteLinksInput, setQuoteLinks } from "@/lib/quotes/quote-links";

/** A QUOTE span's cue and speaker: `{cueId, speakerId, version}` (ids of spans in the same layer, or null). */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => getQuoteLinks({ actor, annotationId: params.id }));

export const PUT = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  setQuoteLinks({ actor, annotationId: params.id, input: await readJson(req, QuoteLinksInput) }),
);
