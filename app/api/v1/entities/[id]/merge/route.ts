import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { MergeEntityInput, mergeEntities } from "@/lib/entities/merge";

/** Reviewers, admins: merge this entity into `intoId` (mentions, stance holders and aliases move; conflicts reported); undoable. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { intoId } = await readJson(req, MergeEntityInput);
  return mergeEntities({ actor, entityId: params.id, intoId });
});
