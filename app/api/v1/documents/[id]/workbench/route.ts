import { apiRoute } from "@/lib/api/route";
import { loadAnnotatePageData } from "@/lib/documents/annotate-page-data";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => loadAnnotatePageData({ actor, documentId: params.id }));
