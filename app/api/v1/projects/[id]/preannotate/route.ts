import { apiRoute } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-json";
import { PreannotateInput } from "@/lib/assist/jobs/job-params";
import { startPreannotation } from "@/lib/assist/jobs/start-preannotation";

/** Admins, reviewers: queue pre-annotation `{model, labels?, documentIds?}`; 202 with the job (follow it at /api/v1/jobs/:id). */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, PreannotateInput);
  return Response.json(await startPreannotation({ actor, projectId: params.id, input }), { status: 202 });
});
