import { db } from "@/lib/db";
import { authorize, memberProjectScope } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import { claimableDocuments } from "./claimable-documents";

export type QueueItem = {
  layerId: string;
  documentId: string;
  title: string;
  projectName: string;
  status: string;
  assignedAt: string | null;
};

export type MyQueue = {
  /** rejected first, then the rest not done by oldest assignment, then done ones, newest first */
  items: QueueItem[];
  counts: { assigned: number; done: number; rejected: number; claimable: number };
};

/** The actor's seats (assignments) with document titles and statuses, and how many open seats they could still take. */
export async function myQueue(opts: { actor: Actor; limit?: number }): Promise<MyQueue> {
  authorize(opts.actor, "layer:annotate");
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 100);
  const where = { userId: opts.actor.id, kind: "ANNOTATOR" as const, seat: { not: null }, document: { project: memberProjectScope(opts.actor) } };
  const select = {
    id: true,
    documentId: true,
    status: true,
    assignedAt: true,
    document: { select: { title: true, project: { select: { name: true } } } },
  } as const;
  const [rejected, active, done, byStatus, claimable] = await Promise.all([
    db.layer.findMany({ where: { ...where, status: "REJECTED" }, orderBy: [{ assignedAt: "asc" }, { id: "asc" }], take: limit, select }),
    db.layer.findMany({
      where: { ...where, status: { in: ["NOT_STARTED", "IN_PROGRESS"] } },
      orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
      take: limit,
      select,
    }),
    db.layer.findMany({
      where: { ...where, status: { in: ["SUBMITTED", "APPROVED"] } },
      orderBy: [{ assignedAt: "desc" }, { id: "asc" }],
      take: limit,
      select,
    }),
    db.layer.groupBy({ by: ["status"], where, _count: { _all: true } }),
    claimableDocuments({ actor: opts.actor }),
  ]);
  const count = (...statuses: string[]) => byStatus.filter((s) => statuses.includes(s.status)).reduce((sum, s) => sum + s._count._all, 0);
  return {
    items: [...rejected, ...active, ...done].slice(0, limit).map((l) => ({
      layerId: l.id,
      documentId: l.documentId,
      title: l.document.title,
      projectName: l.document.project.name,
      status: l.status,
      assignedAt: l.assignedAt?.toISOString() ?? null,
    })),
    counts: {
      assigned: count("NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "APPROVED", "REJECTED"),
      done: count("SUBMITTED", "APPROVED"),
      rejected: count("REJECTED"),
      claimable: claimable.length,
    },
  };
}
