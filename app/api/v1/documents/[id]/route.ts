import { apiRoute } from "@/lib/api/route";
import { getDocument, documentView } from "@/lib/documents/get-document";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  documentView(await getDocument({ actor, documentId: params.id })),
);
