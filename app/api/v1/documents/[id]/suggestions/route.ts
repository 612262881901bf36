import { apiRoute } from "@/lib/api/route";
import { listPage } from "@/lib/api/list-page";
import { documentSuggestions } from "@/lib/entities/suggestions";
import { layerOf } from "@/lib/api/request-schemas";

/** Open registry suggestions for the caller's layer (`?layer=gold` for reviewers), with a tally per entity: `{items, nextCursor: null, entities}`. */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { suggestions } = await documentSuggestions({ actor, documentId: params.id, target: layerOf(req) });
  const byEntity = new Map<string, { entityId: string; name: string; type: string; count: number }>();
  for (const s of suggestions) {
    const e = byEntity.get(s.entityId) ?? { entityId: s.entityId, name: s.entityName, type: s.entityType, count: 0 };
    e.count++;
    byEntity.set(s.entityId, e);
  }
  const items = suggestions.map((s) => ({
    entityId: s.entityId,
    entityName: s.entityName,
    entityType: s.entityType,
    start: s.start,
    end: s.end,
    text: s.text,
  }));
  return { ...listPage(items), entities: [...byEntity.values()] };
});
