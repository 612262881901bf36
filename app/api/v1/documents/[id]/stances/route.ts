import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { createStance, listStances } from "@/lib/stances/stances";
import { CreateStanceInput } from "@/lib/stances/stance-input";

/** `?layer=gold` addresses the document's gold layer (reviewers); the default is the caller's own layer. */
const LayerQuery = z.object({ layer: z.enum(["own", "gold"]).default("own") });
const layerOf = (req: Request) => LayerQuery.parse(Object.fromEntries(new URL(req.url).searchParams)).layer;

export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => ({
  stances: await listStances({ actor, documentId: params.id, target: layerOf(req) }),
}));

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const target = layerOf(req);
  const input = await readJson(req, CreateStanceInput);
  return Response.json(await createStance({ actor, documentId: params.id, input, target }), { status: 201 });
});
