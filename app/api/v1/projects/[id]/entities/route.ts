import { apiRoute } from "@/lib/api/route";
import { listPage } from "@/lib/api/list-page";
import { EntityListQuery } from "@/lib/api/request-schemas";
import { readJson } from "@/lib/api/read-json";
import { NewEntity } from "@/lib/entities/entity-input";
import { createEntity } from "@/lib/entities/save-entity";
import { searchEntities } from "@/lib/entities/search-entities";
import { listEntities } from "@/lib/entities/entity-mentions";

/** The registry: `?q=` type-ahead over names and aliases (ranked), else a page by name (`limit`, `cursor`). Any member. */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { q, limit, cursor } = EntityListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  if (q !== undefined) return listPage((await searchEntities({ actor, projectId: params.id, q, limit })).items);
  return listEntities({ actor, projectId: params.id, limit, cursor });
});

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, NewEntity);
  return Response.json(await createEntity({ actor, projectId: params.id, input }), { status: 201 });
});
