import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { authorize } from "@/lib/authz";
import { listOwnAnnotations } from "@/lib/annotations/list-annotations";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { CreateAnnotationInput } from "@/lib/annotations/span-input";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => listOwnAnnotations({ actor, documentId: params.id }));

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  authorize(actor, "layer:annotate");
  const input = await readJson(req, CreateAnnotationInput);
  const { annotation, created } = await createAnnotation({ actor, documentId: params.id, input });
  return Response.json(annotation, { status: created ? 201 : 200 });
});
