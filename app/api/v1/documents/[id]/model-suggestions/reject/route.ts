import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { RejectModelSuggestionsInput, rejectModelSuggestions } from "@/lib/suggestions/answer-suggestions";

/** Reject suggestions `{ids}`: the caller does not see them again, and a rerun does not propose them again. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, RejectModelSuggestionsInput);
  return rejectModelSuggestions({ actor, documentId: params.id, input });
});
