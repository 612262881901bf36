import { apiRoute } from "@/lib/api/route";
import { authorize } from "@/lib/authz";
import { submitLayer } from "@/lib/layers/submit-layer";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => {
  authorize(actor, "layer:annotate");
  return submitLayer({ actor, documentId: params.id });
});
