import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { VersionQuery } from "@/lib/api/request-schemas";
import { deleteStance, updateStance } from "@/lib/stances/stances";
import { UpdateStanceInput } from "@/lib/stances/stance-input";

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  updateStance({ actor, stanceId: params.id, input: await readJson(req, UpdateStanceInput) }),
);

export const DELETE = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { version } = VersionQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  await deleteStance({ actor, stanceId: params.id, version });
  return new Response(null, { status: 204 });
});
