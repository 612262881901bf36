import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { EntityPatch } from "@/lib/entities/entity-input";
import { updateEntity } from "@/lib/entities/save-entity";
import { entityWithMentions } from "@/lib/entities/entity-mentions";

/** An entity with its aliases and its mentions grouped by spelling. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => entityWithMentions({ actor, entityId: params.id }));

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, EntityPatch);
  return updateEntity({ actor, entityId: params.id, input });
});
