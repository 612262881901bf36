/** Documents with layers waiting for a reviewer, oldest submission first; and those already approved. */
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize, documentScope } from "@/lib/authz";
import { GOLD_SLOT } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import { cursorArgs, cursorPage } from "@/lib/db/cursor-page";

export const ReviewQueueQuery = z.object({
  state: z.enum(["waiting", "approved"]).default("waiting"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).optional(),
});

const queueWhere = (actor: Actor, state: "waiting" | "approved") =>
  state === "waiting"
    ? { ...documentScope(actor), layers: { some: { kind: "ANNOTATOR" as const, status: "SUBMITTED" as const } } }
    : { ...documentScope(actor), layers: { some: { slot: GOLD_SLOT, status: "APPROVED" as const } } };

/** How many documents of the reviewer's projects wait for review (the home page's notice). */
export async function waitingReviewCount(opts: { actor: Actor }): Promise<number> {
  authorize(opts.actor, "review:decide");
  return db.document.count({ where: queueWhere(opts.actor, "waiting") });
}

export async function reviewQueue(opts: { actor: Actor; query?: z.input<typeof ReviewQueueQuery> }) {
  authorize(opts.actor, "review:decide");
  const { state, limit, cursor } = ReviewQueueQuery.parse(opts.query ?? {});
  const where = queueWhere(opts.actor, state);
  const rows = await db.document.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    ...cursorArgs({ limit, cursor }),
    select: {
      id: true,
      title: true,
      outlet: true,
      project: { select: { name: true, annotatorsPerDocument: true } },
      layers: { select: { kind: true, status: true, submittedAt: true, _count: { select: { annotations: true } } } },
    },
  });
  const { page, nextCursor } = cursorPage(rows, limit);
  return {
    items: page.map((d) => {
      const annotators = d.layers.filter((l) => l.kind === "ANNOTATOR");
      const count = (s: string) => annotators.filter((l) => l.status === s).length;
      const gold = d.layers.find((l) => l.kind === "GOLD");
      const submittedAt = annotators.map((l) => l.submittedAt?.getTime() ?? 0).filter(Boolean);
      return {
        id: d.id,
        title: d.title,
        outlet: d.outlet,
        project: d.project.name,
        seats: d.project.annotatorsPerDocument,
        layers: annotators.length,
        submitted: count("SUBMITTED"),
        inProgress: count("IN_PROGRESS") + count("NOT_STARTED"),
        rejected: count("REJECTED"),
        approved: count("APPROVED"),
        goldStatus: gold?.status ?? "NOT_STARTED",
        goldSpans: gold?._count.annotations ?? 0,
        lastSubmittedAt: submittedAt.length ? new Date(Math.max(...submittedAt)).toISOString() : null,
      };
    }),
    nextCursor,
  };
}
