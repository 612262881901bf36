import { apiRoute } from "@/lib/api/route";
import { listPage } from "@/lib/api/list-page";
import { layerOf } from "@/lib/api/request-schemas";
import { readJson } from "@/lib/api/read-json";
import { listLayerAnnotations } from "@/lib/annotations/list-annotations";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { CreateAnnotationInput } from "@/lib/annotations/span-input";

/** The layer's spans in text order: `{documentId, layer: {id, status} | null, items, nextCursor: null}`. */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { annotations, ...layer } = await listLayerAnnotations({ actor, documentId: params.id, target: layerOf(req) });
  return { ...layer, ...listPage(annotations) };
});

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const target = layerOf(req);
  const input = await readJson(req, CreateAnnotationInput);
  const { annotation, created } = await createAnnotation({ actor, documentId: params.id, input, target });
  return Response.json(annotation, { status: created ? 201 : 200 });
});
