import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorize, projectScope, type Permission } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";

/**
 * The project whose assignments the actor reads or manages, by id or slug:
 * 403 for a role without the permission, 404 for a project outside the
 * actor's scope (non-members never learn it exists).
 */
export async function assignmentProject(opts: { actor: Actor; projectId: string; permission: Extract<Permission, `assignment:${string}`> }) {
  authorize(opts.actor, opts.permission);
  const project = await db.project.findFirst({
    where: { AND: [{ OR: [{ id: opts.projectId }, { slug: opts.projectId }] }, projectScope(opts.actor)] },
    select: { id: true, slug: true, name: true, annotatorsPerDocument: true, blindReview: true },
  });
  if (!project) throw notFound("Project");
  return project;
}
