import Link from "next/link";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { can } from "@/lib/authz";
import { orNotFound } from "@/lib/pages/or-not-found";
import { getProject } from "@/lib/projects/get-project";
import { listSchemaLabels } from "@/lib/projects/label-schema";
import { listMembers, listNonMembers } from "@/lib/projects/members";
import { isBlindFor } from "@/lib/review/blind";
import { ProjectTabs } from "@/components/projects/project-tabs";
import { ProjectSettingsForm } from "@/components/projects/project-settings-form";
import { LabelSchemaEditor } from "@/components/projects/label-schema-editor";
import { LabelSchemaView } from "@/components/projects/label-schema-view";
import { DocLabelSchemaEditor, DocLabelSchemaView } from "@/components/doc-labels/doc-label-schema-editor";
import { listDocLabelSchema } from "@/lib/doc-labels/doc-label-schema";
import { AddMemberForm, RemoveMemberButton } from "@/components/projects/member-forms";
import { addLabelAction, addMemberAction, labelRowAction, moveLabelAction, removeMemberAction, updateSettingsAction } from "./actions";
import { GuidelinesView } from "@/components/guidelines/guidelines-view";

export const metadata = { title: "Project settings" };

const MEMBERS_PER_PAGE = 100;

export default async function ProjectSettingsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ members?: string }> }) {
  const actor = await requirePageActor();
  if (!can(actor, "project:view")) {
    return (
      <main className="page">
        <h1>Project settings</h1>
        <p className="banner">Project settings are for admins and reviewers. Your documents are on the Documents page.</p>
      </main>
    );
  }
  const { id } = await params;
  const offset = Math.max(0, Number((await searchParams).members ?? 0) || 0);
  const project = await orNotFound(getProject({ actor, projectId: id }));
  const manage = can(actor, "project:manage");
  // under blind review a reviewer is not told who annotates (lib/review/blind.ts)
  const blind = isBlindFor(actor, project);
  const [labels, members, candidates, docLabelSets] = await Promise.all([
    listSchemaLabels({ actor, projectId: project.id }),
    blind ? null : listMembers({ actor, projectId: project.id, query: { limit: MEMBERS_PER_PAGE, offset } }),
    manage ? listNonMembers({ actor, projectId: project.id }) : Promise.resolve([]),
    listDocLabelSchema({ actor, projectId: project.id }),
  ]);

  return (
    <main className="page wide">
      <p className="crumbs">
        <Link href="/projects" className="muted">
          ← Projects
        </Link>
      </p>
      <header className="project-header">
        <h1>{project.name}</h1>
        <code className="muted">{project.slug}</code>
        <ProjectTabs projectId={project.id} current="settings" />
      </header>

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
        {manage ? (
          <ProjectSettingsForm
            project={{
              id: project.id,
              name: project.name,
              guidelines: project.guidelines,
              showOtherLayers: project.showOtherLayers,
              blindReview: project.blindReview,
              updatedAt: project.updatedAt.toISOString(),
            }}
            save={updateSettingsAction}
          />
        ) : (
          <div className="card settings">
            <h3>Guidelines</h3>
            {project.guidelines ? (
              <div className="guidelines">
                <GuidelinesView markdown={project.guidelines} />
              </div>
            ) : (
              <p className="muted">No guidelines written yet.</p>
            )}
            <ul className="facts">
              <li>Annotators see each other&apos;s layers before review: {project.showOtherLayers ? "yes" : "no"}</li>
              <li>Annotator names hidden from reviewers: {project.blindReview ? "yes" : "no"}</li>
            </ul>
          </div>
        )}
        <p className="muted" data-testid="annotators-per-document">
          Annotators per document: <strong>{project.annotatorsPerDocument}</strong> ·{" "}
          <Link href={`/projects/${project.id}/assignments`}>set on the Assignments page</Link>
        </p>
      </section>

      <section aria-labelledby="labels-heading">
        <h2 id="labels-heading">Labels</h2>
        {manage ? (
          <LabelSchemaEditor projectId={project.id} labels={labels} actions={{ save: labelRowAction, add: addLabelAction, move: moveLabelAction }} />
        ) : (
          <LabelSchemaView labels={labels} />
        )}
      </section>

      <section aria-labelledby="doc-labels-heading">
        <h2 id="doc-labels-heading">Document labels</h2>
        {manage ? <DocLabelSchemaEditor projectId={project.id} sets={docLabelSets} /> : <DocLabelSchemaView sets={docLabelSets} />}
      </section>

      {members === null ? (
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">Members</h2>
          <p className="muted" data-testid="members-hidden">
            This project is under blind review: its members are not shown to reviewers.
          </p>
        </section>
      ) : (
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">
            Members <span className="count">{members.total}</span>
          </h2>
          {manage && <AddMemberForm projectId={project.id} candidates={candidates} add={addMemberAction} />}
          <table className="list dense">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
                <th>Member since</th>
                {manage && (
                  <th>
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {members.items.map((m) => (
                <tr key={m.membershipId} className={m.active ? undefined : "inactive"}>
                  <td>
                    {m.name}
                    {!m.active && <span className="muted"> (deactivated)</span>}
                  </td>
                  <td>{m.email}</td>
                  <td>{m.role.toLowerCase()}</td>
                  <td className="nowrap">{m.joinedAt.toISOString().slice(0, 10)}</td>
                  {manage && (
                    <td className="actions">
                      <RemoveMemberButton projectId={project.id} userId={m.id} name={m.name} remove={removeMemberAction} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {(offset > 0 || members.nextOffset !== null) && (
            <p className="pager">
              {offset > 0 && (
                <Link className="button" href={`/projects/${project.id}?members=${Math.max(0, offset - MEMBERS_PER_PAGE)}`}>
                  ← Previous members
                </Link>
              )}
              {members.nextOffset !== null && (
                <Link className="button" href={`/projects/${project.id}?members=${members.nextOffset}`}>
                  More members →
                </Link>
              )}
            </p>
          )}
          <p className="muted small">Removing a member keeps their layers and annotations; they only lose access to this project&apos;s documents.</p>
        </section>
      )}
    </main>
  );
}
