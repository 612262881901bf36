import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import type { Actor } from "@/lib/auth/actor";
import { Email, Password, ProjectIds, UserName, UserRole } from "./user-input";
import { recordUserAudit } from "./user-audit";

export const NewUser = z.object({
  email: Email,
  name: UserName,
  role: UserRole,
  password: Password,
  projectIds: ProjectIds,
});
export type NewUser = z.input<typeof NewUser>;

/**
 * Creates a user and makes them a member of the projects named by
 * `projectIds`, or of every project when it is absent. With an acting admin,
 * each membership is recorded in that project's audit history.
 */
export async function createUser(input: NewUser, opts: { actor?: Actor } = {}) {
  const data = NewUser.parse(input);
  const exists = () => new AppError("CONFLICT", `A user with email ${data.email} already exists`, { field: "email" });
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) throw exists();
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      const projects = await tx.project.findMany({ where: data.projectIds ? { id: { in: data.projectIds } } : {}, select: { id: true } });
      if (data.projectIds && projects.length !== new Set(data.projectIds).size) {
        throw new AppError("UNPROCESSABLE", "One of the chosen projects does not exist (any more); reload and choose again", { field: "projectIds" });
      }
      const user = await tx.user.create({ data: { email: data.email, name: data.name, role: data.role, passwordHash } });
      for (const p of projects) {
        await tx.projectMember.create({ data: { projectId: p.id, userId: user.id } });
        if (opts.actor) {
          await recordAudit(tx, {
            projectId: p.id,
            actorId: opts.actor.id,
            subject: "MEMBER",
            subjectId: user.id,
            action: "ADD",
            after: { userId: user.id, email: user.email, role: user.role, newUser: true },
          });
        }
      }
      if (opts.actor) {
        await recordUserAudit(tx, {
          actorId: opts.actor.id,
          userId: user.id,
          action: "CREATE",
          after: { email: user.email, name: user.name, role: user.role, projects: projects.map((p) => p.id) },
        });
      }
      return user;
    });
  } catch (err) {
    throw isUniqueViolation(err) ? exists() : err;
  }
}
