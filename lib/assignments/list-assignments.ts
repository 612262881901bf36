import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assignmentProject } from "./assignment-project";
import { cursorArgs, cursorPage } from "@/lib/db/cursor-page";
import { VISIBLE_DOCUMENT } from "@/lib/documents/visible";

export const ListAssignmentsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).optional(),
});

export type SeatView = {
  seat: number;
  /** null: the seat is open */
  holder: {
    layerId: string;
    userId: string;
    name: string;
    status: string;
    assignedAt: string | null;
    annotations: number;
    /** not started and empty: an admin may take the seat back */
    unassignable: boolean;
  } | null;
};

/**
 * A project's documents, oldest first, each with its seats 0..N-1 (who holds
 * each and how far they are; open seats as null); paginated by cursor.
 */
export async function listAssignments(opts: { actor: Actor; projectId: string; query?: z.input<typeof ListAssignmentsQuery> }) {
  const { limit, cursor } = ListAssignmentsQuery.parse(opts.query ?? {});
  const project = await assignmentProject({ actor: opts.actor, projectId: opts.projectId, permission: "assignment:read" });
  const n = project.annotatorsPerDocument;
  const rows = await db.document.findMany({
    where: { projectId: project.id, ...VISIBLE_DOCUMENT },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    ...cursorArgs({ limit, cursor }),
    select: {
      id: true,
      title: true,
      createdAt: true,
      layers: {
        where: { seat: { not: null } },
        orderBy: { seat: "asc" },
        select: {
          id: true,
          seat: true,
          status: true,
          assignedAt: true,
          userId: true,
          user: { select: { name: true } },
          _count: { select: { annotations: true, stances: true, grades: true } },
        },
      },
    },
  });
  const { page, nextCursor } = cursorPage(rows, limit);
  return {
    project: { id: project.id, slug: project.slug, name: project.name, annotatorsPerDocument: n },
    items: page.map((d) => {
      const width = Math.max(n, ...d.layers.map((l) => (l.seat as number) + 1));
      const seats: SeatView[] = Array.from({ length: width }, (_, seat) => {
        const l = d.layers.find((x) => x.seat === seat);
        if (!l) return { seat, holder: null };
        const work = l._count.annotations + l._count.stances + l._count.grades;
        return {
          seat,
          holder: {
            layerId: l.id,
            userId: l.userId ?? "",
            name: l.user?.name ?? "unknown",
            status: l.status,
            assignedAt: l.assignedAt?.toISOString() ?? null,
            annotations: l._count.annotations,
            unassignable: l.status === "NOT_STARTED" && work === 0,
          },
        };
      });
      return { id: d.id, title: d.title, createdAt: d.createdAt.toISOString(), filledSeats: d.layers.length, seats };
    }),
    nextCursor,
  };
}
