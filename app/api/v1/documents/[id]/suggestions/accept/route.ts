import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { AcceptInput, acceptSuggestions } from "@/lib/entities/accept-suggestions";
import { layerOf } from "@/lib/api/request-schemas";

/** {entityId, start, end} accepts one suggestion; {entityId, all: true} every open one of that entity. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, AcceptInput);
  return Response.json(await acceptSuggestions({ actor, documentId: params.id, target: layerOf(req), input }), { status: 201 });
});
