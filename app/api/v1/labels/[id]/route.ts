import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { deleteLabel, updateLabel } from "@/lib/projects/label-schema";
import { LabelPatch } from "@/lib/projects/label-input";

/** Changes a label's name, kind, color, hotkey, description, or archives / unarchives it (admins). */
export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, LabelPatch);
  return updateLabel({ actor, labelId: params.id, input });
});

/** Removes a label no span uses (admins); 409 for a label in use (archive it instead). */
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteLabel({ actor, labelId: params.id });
  return new Response(null, { status: 204 });
});
