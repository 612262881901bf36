import { apiRoute } from "@/lib/api/route";
import { documentHistory, historyLines } from "@/lib/audit/document-history";

/**
 * A document's audit history: JSON pages (`limit`, `cursor`, `subject`), or
 * the whole of it as a JSONL download with `format=jsonl`.
 */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  if (query.format !== "jsonl") return documentHistory({ actor, documentId: params.id, query });
  const first = await documentHistory({ actor, documentId: params.id, query: { limit: 1 } }); // 401/403/404 before streaming
  const lines = historyLines({ actor, documentId: params.id });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="history-${first.documentId}.jsonl"`,
    },
  });
});
