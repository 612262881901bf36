import { apiRoute } from "@/lib/api/route";
import { documentSyndication } from "@/lib/syndication/project-syndication";

/** Passages this document shares (near-verbatim) with other documents of its project, with where each copy is. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => documentSyndication({ actor, documentId: params.id }));
