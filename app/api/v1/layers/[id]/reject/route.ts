import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { rejectLayer, RejectInput } from "@/lib/review/decide";

/** Reviewer: send a submitted layer back to its annotator with a comment. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, RejectInput);
  return rejectLayer({ actor, layerId: params.id, input });
});
