import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { createGrade, listGrades } from "@/lib/grades/grades";
import { CreateGradeInput } from "@/lib/grades/grade-input";

/** `?layer=gold` addresses the document's gold layer (reviewers); the default is the caller's own layer. */
const LayerQuery = z.object({ layer: z.enum(["own", "gold"]).default("own") });
const layerOf = (req: Request) => LayerQuery.parse(Object.fromEntries(new URL(req.url).searchParams)).layer;

export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const layer = layerOf(req);
  return { documentId: params.id, layer, grades: await listGrades({ actor, documentId: params.id, target: layer }) };
});

/** Grades the outlet (no annotationId) or a cited-source span; `warning` is set when credibility 1 rests only on syndicated copies. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const target = layerOf(req);
  const input = await readJson(req, CreateGradeInput);
  return Response.json(await createGrade({ actor, documentId: params.id, input, target }), { status: 201 });
});
