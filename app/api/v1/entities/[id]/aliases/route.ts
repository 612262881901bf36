import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { AliasInput } from "@/lib/api/request-schemas";
import { addAlias } from "@/lib/entities/aliases";

/** Adds a spelling; 409 when another entity of the project already has it. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { alias } = await readJson(req, AliasInput);
  const { entity, created } = await addAlias({ actor, entityId: params.id, alias });
  return Response.json(entity, { status: created ? 201 : 200 });
});
