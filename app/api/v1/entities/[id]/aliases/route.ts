import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { addAlias } from "@/lib/entities/aliases";

/** Adds a spelling; 409 when another entity of the project already has it. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { alias } = await readJson(req, z.object({ alias: z.string() }));
  const { entity, created } = await addAlias({ actor, entityId: params.id, alias });
  return Response.json(entity, { status: created ? 201 : 200 });
});
