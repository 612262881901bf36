import { apiRoute } from "@/lib/api/route";
import { submitLayer } from "@/lib/layers/submit-layer";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => {
  return submitLayer({ actor, documentId: params.id });
});
