import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorize, projectScope } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";

/**
 * A project the actor belongs to (admins: any), by id or else by slug (an id
 * wins should a slug look like another project's id); 404 for the rest, so
 * others' projects stay hidden.
 */
export async function getProject(opts: { actor: Actor; projectId: string; tx?: Tx }) {
  const client = opts.tx ?? db;
  const scope = projectScope(opts.actor);
  const project =
    (await client.project.findFirst({ where: { id: opts.projectId, ...scope } })) ??
    (await client.project.findFirst({ where: { slug: opts.projectId, ...scope } }));
  if (!project) throw notFound("Project");
  return project;
}

/** The project, when the actor may manage it (403 for other roles, 404 when it does not exist). */
export async function getManagedProject(opts: { actor: Actor; projectId: string; tx?: Tx }) {
  authorize(opts.actor, "project:manage");
  return getProject(opts);
}
