import { db } from "@/lib/db";
import { memberProjectScope } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import { VISIBLE_DOCUMENT } from "@/lib/documents/visible";

export type ClaimableDocument = { id: string; projectId: string; filledSeats: number };

/**
 * Documents with an open seat the actor could take from their queue: in
 * projects they are a member of, holding fewer seated layers than the
 * project's N, where they hold no seat and have not already finished a layer
 * of their own. Fewest filled seats first (spreads the overlap), then oldest.
 * Only annotators take open seats; other roles work the seats given to them.
 */
export async function claimableDocuments(opts: { actor: Actor; projectId?: string }): Promise<ClaimableDocument[]> {
  if (opts.actor.role !== "ANNOTATOR") return [];
  const projects = await db.project.findMany({
    where: { ...memberProjectScope(opts.actor), ...(opts.projectId ? { id: opts.projectId } : {}) },
    select: { id: true, annotatorsPerDocument: true },
  });
  if (projects.length === 0) return [];
  const seatsOf = new Map(projects.map((p) => [p.id, p.annotatorsPerDocument]));
  const docs = await db.document.findMany({
    where: {
      projectId: { in: projects.map((p) => p.id) },
      ...VISIBLE_DOCUMENT,
      layers: { none: { userId: opts.actor.id, OR: [{ seat: { not: null } }, { status: { in: ["SUBMITTED", "APPROVED"] } }] } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, projectId: true, _count: { select: { layers: { where: { seat: { not: null } } } } } },
  });
  return docs
    .map((d) => ({ id: d.id, projectId: d.projectId, filledSeats: d._count.layers }))
    .filter((d) => d.filledSeats < (seatsOf.get(d.projectId) ?? 0))
    .sort((a, b) => a.filledSeats - b.filledSeats); // stable: oldest first within a count
}
