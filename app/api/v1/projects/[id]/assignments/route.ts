import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { assignDocuments, AssignDocumentsInput } from "@/lib/assignments/assign-documents";

/** The project's documents with their seats (who holds each, status), paginated: ?limit=&cursor= */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const url = new URL(req.url);
  return listAssignments({ actor, projectId: params.id, query: Object.fromEntries(url.searchParams) });
});

/** Fills the open seats, balanced across annotators; body {annotatorIds?, documentIds?} (optional). */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = req.headers.get("content-type") ? await readJson(req, AssignDocumentsInput) : {};
  return assignDocuments({ actor, projectId: params.id, ...input });
});
