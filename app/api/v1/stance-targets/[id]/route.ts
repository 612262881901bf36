import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { deleteTarget, TargetPatch, updateTarget } from "@/lib/stances/targets";

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  updateTarget({ actor, targetId: params.id, input: await readJson(req, TargetPatch) }),
);

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteTarget({ actor, targetId: params.id });
  return new Response(null, { status: 204 });
});
