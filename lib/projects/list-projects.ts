import { z } from "zod";
import { db } from "@/lib/db";
import { authorize, projectScope } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import { cursorArgs, cursorPage } from "@/lib/db/cursor-page";

export const ListProjectsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).optional(),
});

/** Projects the actor may see (members; admins all), oldest first, with counts; paginated by cursor. */
export async function listProjects(opts: { actor: Actor; query?: z.input<typeof ListProjectsQuery> }) {
  authorize(opts.actor, "project:view");
  const { limit, cursor } = ListProjectsQuery.parse(opts.query ?? {});
  const rows = await db.project.findMany({
    where: projectScope(opts.actor),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    ...cursorArgs({ limit, cursor }),
    select: {
      id: true,
      slug: true,
      name: true,
      annotatorsPerDocument: true,
      createdAt: true,
      _count: { select: { documents: true, members: true, labels: { where: { archived: false } } } },
    },
  });
  const { page, nextCursor } = cursorPage(rows, limit);
  return {
    items: page.map(({ _count, ...p }) => ({ ...p, documents: _count.documents, members: _count.members, labels: _count.labels })),
    nextCursor,
  };
}

/** Every project's id and name, for pick lists in admin forms (at most `limit`). */
export async function projectChoices(opts: { actor: Actor; limit?: number }) {
  authorize(opts.actor, "project:view");
  return db.project.findMany({
    where: projectScope(opts.actor),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: opts.limit ?? 500,
    select: { id: true, name: true },
  });
}
