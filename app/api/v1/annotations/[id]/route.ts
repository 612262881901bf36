import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { VersionQuery } from "@/lib/api/request-schemas";
import { updateAnnotation, deleteAnnotation } from "@/lib/annotations/update-annotation";
import { UpdateAnnotationInput } from "@/lib/annotations/span-input";

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, UpdateAnnotationInput);
  return updateAnnotation({ actor, annotationId: params.id, input });
});

export const DELETE = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { version } = VersionQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  await deleteAnnotation({ actor, annotationId: params.id, version });
  return new Response(null, { status: 204 });
});
