import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { DismissInput, dismissSuggestion } from "@/lib/entities/accept-suggestions";
import { layerOf } from "@/lib/api/request-schemas";

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, DismissInput);
  return dismissSuggestion({ actor, documentId: params.id, target: layerOf(req), input });
});
