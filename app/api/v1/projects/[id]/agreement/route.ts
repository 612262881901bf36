import { apiRoute } from "@/lib/api/route";
import { AgreementQuery } from "@/lib/agreement/counted-layers";
import { DASHBOARD_BUDGET_MS, projectAgreement } from "@/lib/agreement/project-agreement";

/**
 * GET /api/v1/projects/:id/agreement[?include=in_progress] — the project dashboard's figures (id or slug).
 * `pendingDocuments` > 0: that many documents changed too recently to be in the figures yet.
 */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const query = AgreementQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return projectAgreement({ actor, projectId: params.id, includeInProgress: query.include === "in_progress", budgetMs: DASHBOARD_BUDGET_MS });
});
