import { db } from "@/lib/db";
import { DEFAULT_LABELS } from "./default-labels";

/** Finds the project by slug or creates it with the default label schema; every user becomes a member. */
export async function ensureProject(opts: { slug: string; name: string }) {
  const existing = await db.project.findUnique({ where: { slug: opts.slug } });
  if (existing) return existing;
  return db.$transaction(async (tx) => {
    const project = await tx.project.create({ data: { slug: opts.slug, name: opts.name } });
    await tx.label.createMany({ data: DEFAULT_LABELS.map((l) => ({ ...l, projectId: project.id })) });
    const users = await tx.user.findMany({ select: { id: true } });
    for (const u of users) await tx.projectMember.create({ data: { projectId: project.id, userId: u.id } });
    return project;
  });
}

/** The project used when a caller names none: the oldest one. */
export async function defaultProject() {
  return db.project.findFirst({ orderBy: { createdAt: "asc" } });
}
