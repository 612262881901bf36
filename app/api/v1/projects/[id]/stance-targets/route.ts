import { apiRoute } from "@/lib/api/route";
import { listPage } from "@/lib/api/list-page";
import { readJson } from "@/lib/api/read-json";
import { createTarget, listTargets, NewTarget } from "@/lib/stances/targets";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => listPage(await listTargets({ actor, projectId: params.id })));

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, NewTarget);
  return Response.json(await createTarget({ actor, projectId: params.id, input }), { status: 201 });
});
