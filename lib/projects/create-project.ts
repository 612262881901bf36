import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import type { Actor } from "@/lib/auth/actor";
import { DEFAULT_LABELS } from "./default-labels";
import { ProjectName, ProjectSlug, slugify } from "./project-input";

export const NewProject = z
  .object({
    name: ProjectName,
    /** derived from the name when left empty */
    slug: z.string().trim().optional(),
    /** make every active user a member, as new users join every project by default */
    addAllUsers: z.boolean().default(true),
  })
  .transform((p, ctx) => {
    const slug = ProjectSlug.safeParse(p.slug ? p.slug : slugify(p.name));
    if (!slug.success) {
      ctx.addIssue({
        code: "custom",
        path: ["slug"],
        message: p.slug ? slug.error.issues[0].message : "Give a slug: the name has no letters or digits to make one from",
      });
      return z.NEVER;
    }
    return { ...p, slug: slug.data };
  });
export type NewProject = z.input<typeof NewProject>;

/** Inserts a project with the default label schema and the given members. */
export async function insertProject(tx: Tx, opts: { slug: string; name: string; memberIds: string[] }) {
  const project = await tx.project.create({ data: { slug: opts.slug, name: opts.name } });
  await tx.label.createMany({ data: DEFAULT_LABELS.map((l) => ({ ...l, projectId: project.id })) });
  for (const userId of opts.memberIds) await tx.projectMember.create({ data: { projectId: project.id, userId } });
  return project;
}

/** An admin creates a project; it starts with the default label schema. 409 when the slug is taken. */
export async function createProject(opts: { actor: Actor; input: NewProject }) {
  authorize(opts.actor, "project:manage");
  const input = NewProject.parse(opts.input);
  const taken = () => new AppError("CONFLICT", `The slug "${input.slug}" is already used by another project; choose another`);
  if (await db.project.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw taken();
  try {
    return await db.$transaction(async (tx) => {
      const users = input.addAllUsers ? await tx.user.findMany({ where: { active: true }, select: { id: true } }) : [{ id: opts.actor.id }];
      const project = await insertProject(tx, { slug: input.slug, name: input.name, memberIds: users.map((u) => u.id) });
      await recordAudit(tx, {
        projectId: project.id,
        actorId: opts.actor.id,
        subject: "PROJECT",
        subjectId: project.id,
        action: "CREATE",
        after: { slug: project.slug, name: project.name, labels: DEFAULT_LABELS.map((l) => l.name), members: users.length },
      });
      return project;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
}
