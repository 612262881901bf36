import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { NewEntity } from "@/lib/entities/entity-input";
import { createEntity } from "@/lib/entities/save-entity";
import { searchEntities } from "@/lib/entities/search-entities";
import { listEntities } from "@/lib/entities/entity-mentions";

const Query = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(200).optional(),
});

/** The registry: `?q=` type-ahead over names and aliases (ranked), else a page by name (`limit`, `cursor`). Any member. */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { q, limit, cursor } = Query.parse(Object.fromEntries(new URL(req.url).searchParams));
  if (q !== undefined) return searchEntities({ actor, projectId: params.id, q, limit });
  return listEntities({ actor, projectId: params.id, limit, cursor });
});

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, NewEntity);
  return Response.json(await createEntity({ actor, projectId: params.id, input }), { status: 201 });
});
