import { getDocument, loadDocumentText } from "./get-document";
import type { Actor } from "@/lib/auth/actor";

/**
 * A document's text as plain UTF-8, for the pages that draw it: the browser
 * fetches it beside the page instead of inside the page's payload, so a
 * 2,000,000-character report costs the server a read, not a render. The text
 * never changes after import, so its hash is a strong ETag.
 */
export async function documentTextResponse(opts: { actor: Actor; documentId: string; ifNoneMatch: string | null }): Promise<Response> {
  const doc = await getDocument(opts);
  const etag = `"${doc.textHash}"`;
  const headers = { etag, "cache-control": "private, no-cache" };
  if (opts.ifNoneMatch === etag) return new Response(null, { status: 304, headers });
  return new Response(await loadDocumentText(doc.id), { headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}
