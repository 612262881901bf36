import { db } from "@/lib/db";
import { insertProject } from "./create-project";

/** Finds the project by slug or creates it with the default label schema; every user becomes a member (seeding and CLI). */
export async function ensureProject(opts: { slug: string; name: string }) {
  const existing = await db.project.findUnique({ where: { slug: opts.slug } });
  if (existing) return existing;
  return db.$transaction(async (tx) => {
    const users = await tx.user.findMany({ select: { id: true } });
    return insertProject(tx, { ...opts, memberIds: users.map((u) => u.id) });
  });
}

/** The project used when a caller names none: the oldest one. */
export async function defaultProject() {
  return db.project.findFirst({ orderBy: { createdAt: "asc" } });
}
