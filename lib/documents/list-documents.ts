import { z } from "zod";
import { db } from "@/lib/db";
import { documentScope } from "@/lib/authz";
import { userSlot } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import { cursorArgs, cursorPage } from "@/lib/db/cursor-page";

export const ListDocumentsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).optional(),
});

/** Documents the actor may open, oldest first, with the actor's own layer status; paginated by cursor. */
export async function listDocuments(opts: { actor: Actor; query?: z.input<typeof ListDocumentsQuery> }) {
  const { limit, cursor } = ListDocumentsQuery.parse(opts.query ?? {});
  const rows = await db.document.findMany({
    where: documentScope(opts.actor),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    ...cursorArgs({ limit, cursor }),
    select: {
      id: true,
      title: true,
      outlet: true,
      byline: true,
      publishedAt: true,
      length: true,
      createdAt: true,
      layers: {
        where: { slot: userSlot(opts.actor.id) },
        select: { status: true, _count: { select: { annotations: true } } },
      },
    },
  });
  const { page, nextCursor } = cursorPage(rows, limit);
  return {
    items: page.map(({ layers, createdAt, ...doc }) => ({
      ...doc,
      createdAt: createdAt.toISOString(),
      myStatus: layers[0]?.status ?? "NOT_STARTED",
      myAnnotationCount: layers[0]?._count.annotations ?? 0,
    })),
    nextCursor,
  };
}
