/**
 * GET /api/v1/documents/:id/events — the document's live stream
 * (text/event-stream): `hello`, `presence`, then the changes the caller may
 * see (annotation.created|updated|deleted, layer.changed), a ping comment
 * every 15 s. Same authentication as the rest of the API.
 */
import { apiRoute } from "@/lib/api/route";
import { actorFromToken } from "@/lib/auth/api-tokens";
import { loadActiveActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { openDocumentStream } from "@/lib/realtime/open-document-stream";
import { SSE_HEADERS } from "@/lib/realtime/sse";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const refused = (err: unknown) => {
  if (err instanceof AppError) return null;
  throw err;
};

export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  // Re-checked on every ping: a revoked token or a deactivated account ends the stream.
  const recheck = () => (bearer ? actorFromToken(bearer).catch(refused) : loadActiveActor(actor.id));
  const stream = await openDocumentStream({ actor, documentId: params.id, signal: req.signal, recheck });
  return new Response(stream, { headers: SSE_HEADERS });
});
