import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { listDocLabelSchema, saveDocLabelSchema } from "@/lib/doc-labels/doc-label-schema";
import { DocLabelSchemaInput } from "@/lib/doc-labels/doc-label-input";

/** The project's document label sets with their choices, archived ones included and flagged. Any member. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  return { sets: await listDocLabelSchema({ actor, projectId: params.id }) };
});

/** Saves the whole document label schema in one go (admins); sets and choices left out are archived when used, else removed. */
export const PUT = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, DocLabelSchemaInput);
  return { sets: await saveDocLabelSchema({ actor, projectId: params.id, input }) };
});
