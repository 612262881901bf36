import { requirePageActor } from "@/lib/auth/require-page-actor";
import { can } from "@/lib/authz";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/pages/or-not-found";
import { getProject } from "@/lib/projects/get-project";
import { VISIBLE_DOCUMENT } from "@/lib/documents/visible";
import { listEndpoints } from "@/lib/assist/endpoints";
import { listJobs } from "@/lib/assist/jobs/job-view";
import { ProjectTabs } from "@/components/projects/project-tabs";
import { PreannotateForm } from "@/components/assist/preannotate-form";
import { JobList } from "@/components/assist/job-list";
import { EndpointsEditor } from "@/components/assist/endpoints-editor";

export const metadata = { title: "Pre-annotation" };

export default async function AssistPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  if (!can(actor, "assist:run")) {
    return (
      <main className="page">
        <h1>Pre-annotation</h1>
        <p className="banner">Pre-annotation is run by reviewers and admins. Suggestions show up in your documents when they have run it.</p>
      </main>
    );
  }
  const { id } = await params;
  const project = await orNotFound(getProject({ actor, projectId: id }));
  const [endpoints, jobs, labels, documents] = await Promise.all([
    listEndpoints({ actor, projectId: project.id }),
    listJobs({ actor, projectId: project.id }),
    db.label.findMany({
      where: { projectId: project.id, archived: false, kind: "ENTITY" },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { name: true },
    }),
    db.document.count({ where: { projectId: project.id, ...VISIBLE_DOCUMENT } }),
  ]);
  return (
    <main className="page wide">
      <header className="project-header">
        <h1>{project.name} · pre-annotation</h1>
        <ProjectTabs projectId={project.id} current="assist" />
      </header>
      <section aria-labelledby="run-heading">
        <h2 id="run-heading">Propose spans</h2>
        <PreannotateForm
          projectId={project.id}
          documents={documents}
          labels={labels.map((l) => l.name)}
          endpoints={endpoints}
          allowExternal={project.allowExternalModels}
        />
      </section>
      <section aria-labelledby="jobs-heading">
        <h2 id="jobs-heading">Runs</h2>
        <JobList jobs={jobs} />
      </section>
      {can(actor, "project:manage") && (
        <section aria-labelledby="endpoints-heading">
          <h2 id="endpoints-heading">Model endpoints</h2>
          <EndpointsEditor projectId={project.id} endpoints={endpoints} allowExternal={project.allowExternalModels} />
        </section>
      )}
    </main>
  );
}
