import { orNotFound } from "@/lib/pages/or-not-found";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { can } from "@/lib/authz";
import { projectStances } from "@/lib/stances/project-stances";
import { listTargets } from "@/lib/stances/targets";
import { ProjectTabs } from "@/components/projects/project-tabs";
import { StanceView } from "@/components/stances/stance-view";
import { TargetEditor } from "@/components/stances/target-editor";

export const metadata = { title: "Stances" };

export default async function StancesPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const { data, manage, targets } = await orNotFound(async () => {
    const data = await projectStances({ actor, projectId: id });
    const manage = can(actor, "stance-target:manage");
    const targets = manage ? await listTargets({ actor, projectId: data.project.id }) : [];
    return { data, manage, targets };
  });
  return (
    <main className="page stances-page">
      <header className="project-header">
        <h1>{data.project.name} · stances</h1>
        {can(actor, "project:view") && <ProjectTabs projectId={data.project.id} current="stances" />}
      </header>
      <p className="muted">
        Who holds which position toward each target, across the corpus
        {can(actor, "review:decide") ? " (every annotator's layer and the gold layer)" : " (your own layers)"}.
        {data.truncated && " Showing the first 5,000 stances."}
      </p>
      <StanceView summary={data.summary} />
      {manage && <TargetEditor projectId={data.project.id} targets={targets} />}
    </main>
  );
}
