import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorize, projectScope } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";

/** Prisma `where` for one project, named by id or slug, among those the actor may see. */
export const visibleProjectWhere = (actor: Actor, projectId: string) => ({
  AND: [{ OR: [{ id: projectId }, { slug: projectId }] }, projectScope(actor)],
});

/** A project the actor belongs to (admins: any), by id or slug; 404 for the rest, so others' projects stay hidden. */
export async function getProject(opts: { actor: Actor; projectId: string; tx?: Tx }) {
  const project = await (opts.tx ?? db).project.findFirst({ where: visibleProjectWhere(opts.actor, opts.projectId) });
  if (!project) throw notFound("Project");
  return project;
}

/** The project, when the actor may manage it (403 for other roles, 404 when it does not exist). */
export async function getManagedProject(opts: { actor: Actor; projectId: string; tx?: Tx }) {
  authorize(opts.actor, "project:manage");
  return getProject(opts);
}
