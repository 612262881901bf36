/**
 * Who belongs to a project. Removing a member keeps their layers (and the
 * work in them); they only lose access to the project's documents.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { isBlindFor } from "@/lib/review/blind";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordUserAudit } from "@/lib/users/user-audit";
import { getManagedProject, getProject } from "./get-project";

export const ListMembersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Members of a project the actor belongs to, by name; paginated by offset (Prisma cursors do not follow an order by a relation's field). */
export async function listMembers(opts: { actor: Actor; projectId: string; query?: z.input<typeof ListMembersQuery> }) {
  authorize(opts.actor, "project:view");
  const project = await getProject(opts);
  if (isBlindFor(opts.actor, project)) throw forbidden("This project is under blind review: reviewers do not get its member list");
  const { limit, offset } = ListMembersQuery.parse(opts.query ?? {});
  const rows = await db.projectMember.findMany({
    where: { projectId: project.id },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    take: limit + 1,
    skip: offset,
    select: { id: true, createdAt: true, user: { select: { id: true, name: true, email: true, role: true, active: true } } },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((m) => ({ membershipId: m.id, joinedAt: m.createdAt, ...m.user })),
    total: await db.projectMember.count({ where: { projectId: project.id } }),
    nextOffset: rows.length > limit ? offset + limit : null,
  };
}

export const MemberPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  /** the `nextCursor` of the previous page */
  cursor: z.string().regex(/^\d+$/, "cursor is the nextCursor of the previous page").optional(),
});

/**
 * The member list for the API, in the one list shape (the cursor is an
 * offset): for those who may see project settings, and never for a reviewer
 * of a project under blind review, who would learn who the annotators are.
 */
export async function listMembersPage(opts: { actor: Actor; projectId: string; query?: z.input<typeof MemberPageQuery> }) {
  authorize(opts.actor, "project:view");
  const project = await getProject(opts);
  const { limit, cursor } = MemberPageQuery.parse(opts.query ?? {});
  const { items, total, nextOffset } = await listMembers({ actor: opts.actor, projectId: project.id, query: { limit, offset: cursor ? Number(cursor) : 0 } });
  return { items: items.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() })), nextCursor: nextOffset === null ? null : String(nextOffset), total };
}

/** Active users who are not yet members, for the "add member" suggestions (at most `limit`). */
export async function listNonMembers(opts: { actor: Actor; projectId: string; limit?: number }) {
  const project = await getManagedProject(opts);
  return db.user.findMany({
    where: { active: true, memberships: { none: { projectId: project.id } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: opts.limit ?? 200,
    select: { id: true, name: true, email: true, role: true },
  });
}

export const MemberRef = z.union([
  z.object({ userId: z.string().min(1) }).strict(),
  z.object({ email: z.string().trim().toLowerCase().email("Give the email address of an existing user") }).strict(),
]);

/** An admin adds an existing, active user to a project (by id or email). */
export async function addMember(opts: { actor: Actor; projectId: string; member: z.input<typeof MemberRef> }) {
  const ref = MemberRef.parse(opts.member);
  const project = await getManagedProject(opts);
  const user = await db.user.findUnique({ where: "userId" in ref ? { id: ref.userId } : { email: ref.email } });
  if (!user) throw notFound("email" in ref ? `A user with email ${ref.email}` : "User");
  if (!user.active) throw new AppError("UNPROCESSABLE", `${user.name} is deactivated; reactivate them on the Users page first`);
  const already = () => new AppError("CONFLICT", `${user.name} is already a member of ${project.name}`);
  if (await db.projectMember.findUnique({ where: { projectId_userId: { projectId: project.id, userId: user.id } } })) throw already();
  try {
    return await db.$transaction(async (tx) => {
      const m = await tx.projectMember.create({ data: { projectId: project.id, userId: user.id } });
      await recordAudit(tx, {
        projectId: project.id,
        actorId: opts.actor.id,
        subject: "MEMBER",
        subjectId: user.id,
        action: "ADD",
        after: { userId: user.id, email: user.email, role: user.role },
      });
      await recordUserAudit(tx, { actorId: opts.actor.id, userId: user.id, action: "MEMBER_ADD", after: { project: { id: project.id, name: project.name } } });
      return { membershipId: m.id, userId: user.id, name: user.name, email: user.email };
    });
  } catch (err) {
    throw isUniqueViolation(err) ? already() : err;
  }
}

/** An admin removes a member from a project; their layers stay where they are. */
export async function removeMember(opts: { actor: Actor; projectId: string; userId: string }) {
  const project = await getManagedProject(opts);
  await db.$transaction(async (tx) => {
    const m = await tx.projectMember.findUnique({
      where: { projectId_userId: { projectId: project.id, userId: opts.userId } },
      include: { user: { select: { email: true, role: true } } },
    });
    if (!m) throw notFound("Member");
    await tx.projectMember.delete({ where: { id: m.id } });
    await recordAudit(tx, {
      projectId: project.id,
      actorId: opts.actor.id,
      subject: "MEMBER",
      subjectId: opts.userId,
      action: "REMOVE",
      before: { userId: opts.userId, email: m.user.email, role: m.user.role },
    });
    await recordUserAudit(tx, {
      actorId: opts.actor.id,
      userId: opts.userId,
      action: "MEMBER_REMOVE",
      before: { project: { id: project.id, name: project.name } },
    });
  });
}
