/**
 * GET /api/v1/documents/:id/events — the document's live stream
 * (text/event-stream): `hello`, `presence`, then the changes the caller may
 * see (annotation.created|updated|deleted, layer.changed), a ping comment
 * every 15 s. Same authentication as the rest of the API.
 */
import { apiRoute } from "@/lib/api/route";
import { openDocumentStream } from "@/lib/realtime/open-document-stream";
import { SSE_HEADERS } from "@/lib/realtime/sse";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute<{ id: string }>(async ({ req, actor, params, recheck }) => {
  // Re-checked on every ping: a revoked token, an ended session or a deactivated account ends the stream.
  const stream = await openDocumentStream({ actor, documentId: params.id, signal: req.signal, recheck });
  return new Response(stream, { headers: SSE_HEADERS });
});
