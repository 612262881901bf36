import { apiRoute } from "@/lib/api/route";
import { documentTextResponse } from "@/lib/documents/document-text";

export const GET = apiRoute<{ id: string }>(({ req, actor, params }) =>
  documentTextResponse({ actor, documentId: params.id, ifNoneMatch: req.headers.get("if-none-match") }),
);
