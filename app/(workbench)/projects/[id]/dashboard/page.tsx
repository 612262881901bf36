import { DocLabelAgreementSection } from "@/components/dashboard/doc-label-agreement-section";
import { ProjectTabs } from "@/components/projects/project-tabs";
import { orNotFound } from "@/lib/pages/or-not-found";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { DASHBOARD_BUDGET_MS, projectAgreement } from "@/lib/agreement/project-agreement";
import { AgreementQuery } from "@/lib/agreement/counted-layers";
import { AppError } from "@/lib/errors";
import { CountingToggle } from "@/components/dashboard/counting-toggle";
import { ProgressSection } from "@/components/dashboard/progress-section";
import { AgreementSection } from "@/components/dashboard/agreement-section";
import { StanceAgreementSection } from "@/components/dashboard/stance-agreement-section";
import { ConfusionSection } from "@/components/dashboard/confusion-section";
import { ModelQualitySection } from "@/components/dashboard/model-quality-section";
import { DistributionSection } from "@/components/dashboard/distribution-section";
import { PendingNotice } from "@/components/dashboard/pending-notice";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requirePageActor();
  const { id } = await params;
  const query = AgreementQuery.safeParse(await searchParams);
  const includeInProgress = query.success && query.data.include === "in_progress";
  const data = await orNotFound(
    projectAgreement({ actor, projectId: id, includeInProgress, budgetMs: DASHBOARD_BUDGET_MS }).catch((err: unknown) => {
      if (err instanceof AppError && err.code === "FORBIDDEN") return null;
      throw err;
    }),
  );
  if (!data) {
    return (
      <main className="page">
        <h1>Dashboard</h1>
        <p className="banner">Only reviewers and admins see project dashboards.</p>
      </main>
    );
  }
  return (
    <main className="page dashboard">
      <header className="project-header">
        <h1>{data.project.name} · dashboard</h1>
        <ProjectTabs projectId={data.project.id} current="dashboard" />
      </header>
      <PendingNotice documents={data.pendingDocuments} />
      <CountingToggle basePath={`/projects/${encodeURIComponent(id)}/dashboard`} includeInProgress={includeInProgress} />
      <ProgressSection annotators={data.annotators} />
      <AgreementSection agreement={data.agreement} includeInProgress={includeInProgress} />
      {data.agreement.overall.documents > 0 && <ConfusionSection confusion={data.agreement.confusion} />}
      <DocLabelAgreementSection sets={data.docLabels} includeInProgress={includeInProgress} />
      <StanceAgreementSection stances={data.agreement.stances} />
      <DistributionSection distribution={data.distribution} includeInProgress={includeInProgress} />
      <ModelQualitySection models={data.models} />
    </main>
  );
}
