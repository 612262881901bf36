import { apiRoute } from "@/lib/api/route";
import { authorize } from "@/lib/authz";
import { exportStream } from "@/lib/export/stream-export";

export const GET = apiRoute(async ({ req, actor }) => {
  authorize(actor, "corpus:export");
  const options = Object.fromEntries(new URL(req.url).searchParams);
  const body = await exportStream({ actor, options });
  return new Response(body, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": 'attachment; filename="marginalia-export.jsonl"',
      "cache-control": "no-store",
    },
  });
});
