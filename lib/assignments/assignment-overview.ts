import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { LayerStatus } from "@/lib/domain/enums";
import { assignmentProject } from "./assignment-project";
import { VISIBLE_DOCUMENT } from "@/lib/documents/visible";
import { seenAs } from "@/lib/review/blind";

export type AnnotatorLoad = {
  userId: string;
  name: string;
  role: string;
  active: boolean;
  /** member with role ANNOTATOR: eligible by default */
  annotator: boolean;
  seats: number;
  byStatus: Record<LayerStatus, number>;
};

/**
 * A project's assignment picture: seats per document, filled and open seats,
 * and each person's load (active members with role annotator, and anyone else
 * holding seats), heaviest first.
 */
export async function assignmentOverview(opts: { actor: Actor; projectId: string }) {
  const project = await assignmentProject({ actor: opts.actor, projectId: opts.projectId, permission: "assignment:read" });
  const inProject = { seat: { not: null }, document: { projectId: project.id } };
  const [documents, filled, byUserStatus, members] = await Promise.all([
    db.document.count({ where: { projectId: project.id, ...VISIBLE_DOCUMENT } }),
    db.layer.count({ where: inProject }),
    db.layer.groupBy({ by: ["userId", "status"], where: inProject, _count: { _all: true } }),
    db.projectMember.findMany({ where: { projectId: project.id }, select: { user: { select: { id: true, name: true, role: true, active: true } } } }),
  ]);
  const holders = new Set(byUserStatus.map((r) => r.userId).filter((id): id is string => id !== null));
  const memberIds = new Set(members.map((m) => m.user.id));
  const outsiders = await db.user.findMany({
    where: { id: { in: [...holders].filter((id) => !memberIds.has(id)) } },
    select: { id: true, name: true, role: true, active: true },
  });
  const people = [...members.map((m) => m.user), ...outsiders].filter((u) => holders.has(u.id) || (u.role === "ANNOTATOR" && u.active));
  // Under blind review a reviewer sees pseudonyms (lib/review/blind.ts), sorted by them, not by the real names.
  const shown = (u: { id: string; name: string }) => seenAs(opts.actor, project, u);
  const loads: AnnotatorLoad[] = people.map((u) => {
    const byStatus: Record<LayerStatus, number> = { NOT_STARTED: 0, IN_PROGRESS: 0, SUBMITTED: 0, APPROVED: 0, REJECTED: 0 };
    for (const r of byUserStatus) if (r.userId === u.id) byStatus[r.status] = r._count._all;
    const seats = Object.values(byStatus).reduce((a, b) => a + b, 0);
    const p = shown(u);
    return {
      userId: p.id,
      name: p.name,
      role: u.role,
      active: u.active,
      annotator: u.role === "ANNOTATOR" && u.active && memberIds.has(u.id),
      seats,
      byStatus,
    };
  });
  loads.sort((a, b) => b.seats - a.seats || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const seatsTotal = documents * project.annotatorsPerDocument;
  const candidates = members
    .map((m) => m.user)
    .filter((u) => u.active)
    .map((u) => (u.role === "ANNOTATOR" ? { ...u, ...shown(u) } : u))
    .sort((a, b) => Number(b.role === "ANNOTATOR") - Number(a.role === "ANNOTATOR") || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((u) => ({ id: u.id, name: u.name, role: u.role }));
  return {
    project,
    documents,
    seatsTotal,
    filled,
    open: Math.max(0, seatsTotal - filled),
    loads,
    /** active members who can be given seats, annotators first: the choices of "Assign open seats" */
    candidates,
  };
}
