import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { rejectStance, StanceDecisionInput } from "@/lib/review/adjudicate-stances";

/** Reviewer: keep this annotator stance out of gold. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  rejectStance({ actor, stanceId: params.id, input: await readJson(req, StanceDecisionInput) }),
);
