import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { authorize } from "@/lib/authz";
import { updateLabel } from "@/lib/projects/label-schema";
import { LabelPatch } from "@/lib/projects/label-input";

/** Changes a label's name, kind, color, hotkey, description, or archives / unarchives it (admins). */
export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  authorize(actor, "project:manage");
  const input = await readJson(req, LabelPatch);
  return updateLabel({ actor, labelId: params.id, input });
});
