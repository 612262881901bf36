import { apiRoute } from "@/lib/api/route";
import { openSuggestions } from "@/lib/suggestions/open-suggestions";

/** The models' suggestions on the document that the caller has not answered, in text order, `{items}`. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({
  items: await openSuggestions({ actor, documentId: params.id }),
  nextCursor: null,
}));
