import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { listDocuments } from "@/lib/documents/list-documents";
import { importDocument, NewDocument } from "@/lib/documents/import-document";
import { documentView } from "@/lib/documents/get-document";

export const GET = apiRoute(async ({ req, actor }) => {
  const url = new URL(req.url);
  return listDocuments({ actor, query: Object.fromEntries(url.searchParams) });
});

export const POST = apiRoute(async ({ req, actor }) => {
  const input = await readJson(req, NewDocument);
  const { document } = await importDocument({ actor, input });
  return Response.json(documentView(document), { status: 201 });
});
