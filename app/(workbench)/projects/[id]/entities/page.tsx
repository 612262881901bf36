import Link from "next/link";
import { orNotFound } from "@/lib/pages/or-not-found";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { getProject } from "@/lib/projects/get-project";
import { listLabels } from "@/lib/projects/list-labels";
import { listEntities } from "@/lib/entities/entity-mentions";
import { searchEntities } from "@/lib/entities/search-entities";
import { ProjectTabs } from "@/components/projects/project-tabs";
import { NewEntityForm } from "@/components/entities/new-entity-form";
import { RecentMerges } from "@/components/entities/recent-merges";
import { can } from "@/lib/authz";
import { listEntityMerges } from "@/lib/entities/merge";

export const metadata = { title: "Entities" };

export default async function EntitiesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ q?: string; cursor?: string }>;
}) {
  const actor = await requirePageActor();
  const { id } = await params;
  const { q, cursor } = await searchParams;
  const { project, types, list, merges } = await orNotFound(async () => {
    const project = await getProject({ actor, projectId: id });
    const [types, list, merges] = await Promise.all([
      listLabels({ projectId: project.id }).then((ls) => ls.filter((l) => l.kind === "ENTITY").map((l) => l.name)),
      q?.trim()
        ? searchEntities({ actor, projectId: project.id, q, limit: 50 }).then((r) => ({
            items: r.items.map((e) => ({ ...e, mentionCount: null as number | null })),
            nextCursor: null,
          }))
        : listEntities({ actor, projectId: project.id, limit: 100, cursor }),
      can(actor, "entity:merge") ? listEntityMerges({ actor, projectId: project.id, limit: 10 }) : [],
    ]);
    return { project, types, list, merges };
  });
  return (
    <main className="page entity-registry">
      <header className="project-header">
        <h1>{project.name} · entities</h1>
        <ProjectTabs projectId={project.id} current="entities" />
      </header>
      <div className="registry-tools">
        <form method="get" className="registry-filter" role="search">
          <label>
            Filter <input type="search" name="q" defaultValue={q ?? ""} placeholder="name or alias" />
          </label>
          <button className="button" type="submit">
            Filter
          </button>
          {q && <Link href={`/projects/${project.id}/entities`}>Clear</Link>}
        </form>
        <NewEntityForm projectId={project.id} types={types} />
      </div>
      <table className="list">
        <thead>
          <tr>
            <th>Name</th>
            <th>Type</th>
            <th>Aliases</th>
            <th>Mentions</th>
            <th>External id</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((e) => (
            <tr key={e.id} data-testid="entity-row">
              <td>
                <Link href={`/projects/${project.id}/entities/${e.id}`}>{e.name}</Link>
              </td>
              <td>
                <span className="chip">{e.type}</span>
              </td>
              <td className="aliases">
                {e.aliases
                  .filter((a) => a.alias !== e.name)
                  .map((a) => a.alias)
                  .join(" · ") || <span className="muted">—</span>}
              </td>
              <td>{e.mentionCount ?? <span className="muted">…</span>}</td>
              <td>
                {e.externalId ? (
                  /^Q\d+$/.test(e.externalId) ? (
                    <a href={`https://www.wikidata.org/wiki/${e.externalId}`} rel="noreferrer" target="_blank">
                      {e.externalId}
                    </a>
                  ) : (
                    e.externalId
                  )
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
          {list.items.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                No entities{q ? ` match “${q}”` : " yet"}.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {list.nextCursor && (
        <p>
          <Link href={`/projects/${project.id}/entities?cursor=${list.nextCursor}`}>Next page →</Link>
        </p>
      )}
      <RecentMerges projectId={project.id} merges={merges} />
    </main>
  );
}
