import { apiRoute } from "@/lib/api/route";
import { listPage } from "@/lib/api/list-page";
import { documentSyndication } from "@/lib/syndication/project-syndication";

/** Passages this document shares (near-verbatim) with other documents of its project, with where each copy is: `{documentId, items, nextCursor: null, index, candidates}`. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const { passages, ...rest } = await documentSyndication({ actor, documentId: params.id });
  return { ...rest, ...listPage(passages) };
});
