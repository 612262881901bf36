import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { VersionQuery } from "@/lib/api/request-schemas";
import { deleteGrade, updateGrade } from "@/lib/grades/grades";
import { UpdateGradeInput } from "@/lib/grades/grade-input";

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, UpdateGradeInput);
  return updateGrade({ actor, gradeId: params.id, input });
});

export const DELETE = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { version } = VersionQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  await deleteGrade({ actor, gradeId: params.id, version });
  return new Response(null, { status: 204 });
});
