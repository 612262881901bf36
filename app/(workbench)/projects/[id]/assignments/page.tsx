import { ProjectTabs } from "@/components/projects/project-tabs";
import Link from "next/link";
import { orNotFound } from "@/lib/pages/or-not-found";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { can } from "@/lib/authz";
import { assignmentOverview } from "@/lib/assignments/assignment-overview";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { OverlapForm } from "@/components/assignments/overlap-form";
import { AssignForm } from "@/components/assignments/assign-form";
import { LoadTable } from "@/components/assignments/load-table";
import { SeatsTable } from "@/components/assignments/seats-table";
import { assignAction, setOverlapAction, unassignAction } from "./actions";

export const metadata = { title: "Assignments" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string }> };

export default async function AssignmentsPage({ params, searchParams }: Props) {
  const actor = await requirePageActor();
  const { id } = await params;
  const { cursor } = await searchParams;
  // 404 for projects outside the actor's scope, and for roles that may not read assignments
  const { overview, page } = await orNotFound(
    async () => {
      const overview = await assignmentOverview({ actor, projectId: id });
      const page = await listAssignments({ actor, projectId: overview.project.id, query: { cursor, limit: 50 } });
      return { overview, page };
    },
    { forbiddenToo: true },
  );
  const { project } = overview;
  const manage = can(actor, "assignment:manage");
  const n = project.annotatorsPerDocument;
  return (
    <main className="page">
      <header className="project-header">
        <h1>Assignments · {project.name}</h1>
        <ProjectTabs projectId={project.id} current="assignments" />
      </header>
      <p className="muted" data-testid="assignment-summary">
        {overview.documents} document{overview.documents === 1 ? "" : "s"} · {n} annotator{n === 1 ? "" : "s"} per document · {overview.filled} of{" "}
        {overview.seatsTotal} seats filled · {overview.open} open
      </p>

      <h2>Overlap</h2>
      {manage ? (
        <OverlapForm projectId={project.id} value={n} setOverlap={setOverlapAction} />
      ) : (
        <p>
          Each document gets {n} annotator{n === 1 ? "" : "s"}. Only admins change this.
        </p>
      )}
      <p className="muted small">
        Raising it opens seats on every document. Lowering it never takes work away: it is refused while a document holds more seats than the new number.
      </p>

      <h2>Load per annotator</h2>
      <LoadTable loads={overview.loads} />
      <p className="load-legend small muted" aria-hidden="true">
        <span className="seg APPROVED" /> approved <span className="seg SUBMITTED" /> submitted <span className="seg IN_PROGRESS" /> in progress{" "}
        <span className="seg REJECTED" /> rejected <span className="seg NOT_STARTED" /> not started
      </p>

      {manage && (
        <>
          <h2>Assign open seats</h2>
          <AssignForm projectId={project.id} candidates={overview.candidates} openSeats={overview.open} assign={assignAction} />
        </>
      )}

      <h2>Documents and seats</h2>
      <SeatsTable projectId={project.id} items={page.items} seatsPerDocument={n} unassign={manage ? unassignAction : undefined} />
      <p className="assign-inline">
        {cursor && (
          <Link className="button" href={`/projects/${project.id}/assignments`}>
            ← First page
          </Link>
        )}
        {page.nextCursor && (
          <Link className="button" href={`/projects/${project.id}/assignments?cursor=${page.nextCursor}`}>
            Next page →
          </Link>
        )}
      </p>
    </main>
  );
}
