import Link from "next/link";
import { orNotFound } from "@/lib/pages/or-not-found";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { entityWithMentions } from "@/lib/entities/entity-mentions";
import { listLabels } from "@/lib/projects/list-labels";
import { db } from "@/lib/db";
import { ProjectTabs } from "@/components/projects/project-tabs";
import { EntityEditor } from "@/components/entities/entity-editor";
import { EntityMerge } from "@/components/entities/entity-merge";
import { can } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { findEntityMerge, mergeCounts } from "@/lib/entities/merge";

export const metadata = { title: "Entity" };

const unlessNotFound = (err: unknown) => {
  if (err instanceof AppError && err.code === "NOT_FOUND") return null;
  throw err;
};

export default async function EntityPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; entityId: string }>;
  searchParams: Promise<{ merged?: string | string[] }>;
}) {
  const actor = await requirePageActor();
  const { entityId } = await params;
  const { merged } = await searchParams;
  const { entity, project, types, counts, outcome } = await orNotFound(async () => {
    const entity = await entityWithMentions({ actor, entityId });
    const [project, types, counts, outcome] = await Promise.all([
      db.project.findUniqueOrThrow({ where: { id: entity.projectId }, select: { id: true, name: true } }),
      listLabels({ projectId: entity.projectId }).then((ls) => ls.filter((l) => l.kind === "ENTITY").map((l) => l.name)),
      can(actor, "entity:merge") ? mergeCounts({ actor, entityId }) : null,
      // a stale or foreign ?merged= shows the entity without it
      typeof merged === "string" && can(actor, "entity:merge") ? findEntityMerge({ actor, mergeId: merged, intoId: entityId }).catch(unlessNotFound) : null,
    ]);
    return { entity, project, types, counts, outcome };
  });
  return (
    <main className="page entity-detail">
      <header className="project-header">
        <h1>
          <Link href={`/projects/${project.id}/entities`}>{project.name} · entities</Link> · {entity.name} <span className="chip">{entity.type}</span>
        </h1>
        <ProjectTabs projectId={project.id} current="entities" />
      </header>
      <EntityEditor entity={entity} types={types} />
      {counts && <EntityMerge entity={entity} counts={counts} outcome={outcome} />}
      <section aria-label="Mentions">
        <h2>
          Mentions <span className="muted">({entity.mentionCount})</span>
        </h2>
        {entity.spellings.length === 0 ? (
          <p className="muted">No linked mentions yet.</p>
        ) : (
          <table className="list spellings">
            <thead>
              <tr>
                <th>Spelling</th>
                <th>Mentions</th>
                <th>Documents</th>
              </tr>
            </thead>
            <tbody>
              {entity.spellings.map((s) => (
                <tr key={s.text} data-testid="spelling-row">
                  <td>“{s.text}”</td>
                  <td>{s.count}</td>
                  <td>
                    {s.documents.map((d, i) => (
                      <span key={d.id}>
                        {i > 0 && " · "}
                        <Link href={`/documents/${d.id}`}>{d.title}</Link>
                        {d.count > 1 && <span className="muted"> ×{d.count}</span>}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
