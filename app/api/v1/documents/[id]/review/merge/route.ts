import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { mergeAgreed, MergeInput } from "@/lib/review/merge-agreed";

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, MergeInput);
  return mergeAgreed({ actor, documentId: params.id, input });
});
