import { apiRoute } from "@/lib/api/route";
import { openModelSuggestions } from "@/lib/suggestions/open-suggestions";

/** The models' suggestions on the document that the caller has not answered, in text order, `{items}`. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({
  items: await openModelSuggestions({ actor, documentId: params.id }),
  nextCursor: null,
}));
