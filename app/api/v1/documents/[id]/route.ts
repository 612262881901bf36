import { apiRoute } from "@/lib/api/route";
import { getDocumentWithText, documentView } from "@/lib/documents/get-document";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => documentView(await getDocumentWithText({ actor, documentId: params.id })));
