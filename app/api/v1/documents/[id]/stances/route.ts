import { apiRoute } from "@/lib/api/route";
import { listPage } from "@/lib/api/list-page";
import { layerOf } from "@/lib/api/request-schemas";
import { readJson } from "@/lib/api/read-json";
import { createStance, listStances } from "@/lib/stances/stances";
import { CreateStanceInput } from "@/lib/stances/stance-input";

export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  listPage(await listStances({ actor, documentId: params.id, target: layerOf(req) })),
);

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const target = layerOf(req);
  const input = await readJson(req, CreateStanceInput);
  return Response.json(await createStance({ actor, documentId: params.id, input, target }), { status: 201 });
});
