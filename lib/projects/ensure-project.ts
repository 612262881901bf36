import { db } from "@/lib/db";
import { insertProject } from "./create-project";

/**
 * Finds the project by slug or creates it with the default label schema.
 * Only a project it creates gets members: `memberIds`, or else every user
 * (CLI imports, tests). An existing project's members are never touched.
 */
export async function ensureProject(opts: { slug: string; name: string; memberIds?: string[] }) {
  const existing = await db.project.findUnique({ where: { slug: opts.slug } });
  if (existing) return existing;
  return db.$transaction(async (tx) => {
    const memberIds = opts.memberIds ?? (await tx.user.findMany({ select: { id: true } })).map((u) => u.id);
    return insertProject(tx, { slug: opts.slug, name: opts.name, memberIds });
  });
}

/** The project used when a caller names none: the oldest one. */
export async function defaultProject() {
  return db.project.findFirst({ orderBy: { createdAt: "asc" } });
}
