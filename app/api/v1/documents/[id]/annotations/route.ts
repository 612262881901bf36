import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { listLayerAnnotations } from "@/lib/annotations/list-annotations";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { CreateAnnotationInput } from "@/lib/annotations/span-input";

/** `?layer=gold` addresses the document's gold layer (reviewers); the default is the caller's own layer. */
const LayerQuery = z.object({ layer: z.enum(["own", "gold"]).default("own") });
const layerOf = (req: Request) => LayerQuery.parse(Object.fromEntries(new URL(req.url).searchParams)).layer;

export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => listLayerAnnotations({ actor, documentId: params.id, target: layerOf(req) }));

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const target = layerOf(req);
  const input = await readJson(req, CreateAnnotationInput);
  const { annotation, created } = await createAnnotation({ actor, documentId: params.id, input, target });
  return Response.json(annotation, { status: created ? 201 : 200 });
});
