import { z } from "zod";
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import { cursorArgs, cursorPage } from "@/lib/db/cursor-page";

export const ListUsersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).optional(),
});

const PROJECTS_SHOWN = 5;

/** Every user, newest first, with the first few of their projects; paginated by cursor. Admins only. */
export async function listUsers(opts: { actor: Actor; query?: z.input<typeof ListUsersQuery> }) {
  authorize(opts.actor, "user:manage");
  const { limit, cursor } = ListUsersQuery.parse(opts.query ?? {});
  const rows = await db.user.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...cursorArgs({ limit, cursor }),
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      createdAt: true,
      memberships: { take: PROJECTS_SHOWN, orderBy: { project: { name: "asc" } }, select: { project: { select: { id: true, name: true } } } },
      _count: { select: { memberships: true } },
    },
  });
  const { page, nextCursor } = cursorPage(rows, limit);
  return {
    items: page.map(({ memberships, _count, ...u }) => ({ ...u, projects: memberships.map((m) => m.project), projectCount: _count.memberships })),
    nextCursor,
  };
}
