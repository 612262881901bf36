import Link from "next/link";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { can } from "@/lib/authz";
import { listProjects } from "@/lib/projects/list-projects";
import { CreateProjectForm } from "@/components/projects/create-project-form";
import { createProjectAction } from "./actions";

export const metadata = { title: "Projects" };

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requirePageActor();
  if (!can(actor, "project:view")) {
    return (
      <main className="page">
        <h1>Projects</h1>
        <p className="banner">Projects are managed by admins and reviewers. Your documents are on the Documents page.</p>
      </main>
    );
  }
  const { cursor } = await searchParams;
  const { items, nextCursor } = await listProjects({ actor, query: { cursor, limit: 50 } });
  return (
    <main className="page">
      <h1>Projects</h1>
      {items.length === 0 ? (
        <p className="muted">{can(actor, "project:manage") ? "No projects yet: create the first one below." : "You are not a member of any project yet."}</p>
      ) : (
        <table className="list dense">
          <thead>
            <tr>
              <th>Name</th>
              <th>Slug</th>
              <th className="num">Documents</th>
              <th className="num">Labels</th>
              <th className="num">Members</th>
              <th className="num">Annotators per document</th>
              <th>Created</th>
              <th>
                <span className="sr-only">Pages</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/projects/${p.id}`}>{p.name}</Link>
                </td>
                <td className="nowrap">
                  <code>{p.slug}</code>
                </td>
                <td className="num">{p.documents}</td>
                <td className="num">{p.labels}</td>
                <td className="num">{p.members}</td>
                <td className="num">{p.annotatorsPerDocument}</td>
                <td className="nowrap">{p.createdAt.toISOString().slice(0, 10)}</td>
                <td className="links nowrap">
                  <Link href={`/projects/${p.id}`} aria-label={`Settings of ${p.name}`}>
                    Settings
                  </Link>
                  <Link href={`/projects/${p.id}/assignments`} aria-label={`Assignments of ${p.name}`}>
                    Assignments
                  </Link>
                  <Link href={`/projects/${p.id}/dashboard`} aria-label={`Dashboard of ${p.name}`}>
                    Dashboard
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(cursor || nextCursor) && (
        <p className="pager">
          {cursor && (
            <Link className="button" href="/projects">
              ← First page
            </Link>
          )}
          {nextCursor && (
            <Link className="button" href={`/projects?cursor=${encodeURIComponent(nextCursor)}`}>
              Next page →
            </Link>
          )}
        </p>
      )}
      {can(actor, "project:manage") && <CreateProjectForm create={createProjectAction} />}
    </main>
  );
}
