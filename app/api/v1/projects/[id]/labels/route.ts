import { apiRoute } from "@/lib/api/route";
import { listPage } from "@/lib/api/list-page";
import { readJson } from "@/lib/api/read-json";
import { addLabel, listSchemaLabels } from "@/lib/projects/label-schema";
import { NewLabel } from "@/lib/projects/label-input";

/** The project's label schema (by project id or slug), archived labels included and flagged. Any member. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  return listPage(await listSchemaLabels({ actor, projectId: params.id }));
});

/** Adds a label (admins). */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, NewLabel);
  return Response.json(await addLabel({ actor, projectId: params.id, input }), { status: 201 });
});
