import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { AcceptModelSuggestionsInput, acceptModelSuggestions } from "@/lib/suggestions/answer-suggestions";

/** Accept suggestions into the caller's own layer `{ids?, label?, origin?}` (no ids: every open one, of the label or origin given). */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, AcceptModelSuggestionsInput);
  return acceptModelSuggestions({ actor, documentId: params.id, input });
});
