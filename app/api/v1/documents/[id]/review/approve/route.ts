import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { approveDocument, ApproveInput } from "@/lib/review/decide";

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, ApproveInput);
  return approveDocument({ actor, documentId: params.id, input });
});
