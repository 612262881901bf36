import { apiRoute } from "@/lib/api/route";
import { listPage } from "@/lib/api/list-page";
import { layerOf } from "@/lib/api/request-schemas";
import { readJson } from "@/lib/api/read-json";
import { createGrade, listGrades } from "@/lib/grades/grades";
import { CreateGradeInput } from "@/lib/grades/grade-input";

export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const layer = layerOf(req);
  return { documentId: params.id, layer, ...listPage(await listGrades({ actor, documentId: params.id, target: layer })) };
});

/** Grades the outlet (no annotationId) or a cited-source span; `warning` is set when credibility 1 rests only on syndicated copies. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const target = layerOf(req);
  const input = await readJson(req, CreateGradeInput);
  return Response.json(await createGrade({ actor, documentId: params.id, input, target }), { status: 201 });
});
