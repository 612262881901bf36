/**
 * The history of admin changes to user accounts: who did what to whom, when,
 * with before and after. Written inside the transaction of the change.
 */
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { authorize } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import { jsonInput } from "@/lib/db/json-value";

export type UserAuditAction = "CREATE" | "ROLE" | "DEACTIVATE" | "REACTIVATE" | "PASSWORD_RESET" | "MEMBER_ADD" | "MEMBER_REMOVE";

export async function recordUserAudit(
  tx: Tx,
  e: { actorId: string; userId: string; action: UserAuditAction; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.userAuditEvent.create({
    data: {
      actorId: e.actorId,
      userId: e.userId,
      action: e.action,
      before: e.before == null ? undefined : jsonInput(e.before),
      after: e.after == null ? undefined : jsonInput(e.after),
    },
  });
}

export const UserAuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  userId: z.string().min(1).optional(),
});

/** The latest admin changes to users, newest first (admins only). */
export async function listUserAudit(opts: { actor: Actor; query?: z.input<typeof UserAuditQuery> }) {
  authorize(opts.actor, "user:manage");
  const { limit, userId } = UserAuditQuery.parse(opts.query ?? {});
  const rows = await db.userAuditEvent.findMany({
    where: userId ? { userId } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      action: true,
      before: true,
      after: true,
      createdAt: true,
      actor: { select: { id: true, name: true, email: true } },
      user: { select: { id: true, name: true, email: true } },
    },
  });
  return rows;
}
