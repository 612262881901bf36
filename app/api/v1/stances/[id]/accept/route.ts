import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { acceptStance, StanceDecisionInput } from "@/lib/review/adjudicate-stances";

/** Reviewer: copy this annotator stance (and its evidence spans) into the document's gold layer. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  acceptStance({ actor, stanceId: params.id, input: await readJson(req, StanceDecisionInput) }),
);
