import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Role } from "@/lib/domain/enums";
import { hashPassword } from "@/lib/auth/password";

export const NewUser = z.object({
  email: z.string().trim().toLowerCase().email("Give a valid email address"),
  name: z.string().trim().min(1, "Give a name").max(120),
  role: z.string().transform((r) => r.toUpperCase()).pipe(Role),
  password: z.string().min(8, "Passwords have at least 8 characters").max(200),
});
export type NewUser = z.input<typeof NewUser>;

/** Creates a user and makes them a member of every project (there is one until projects are managed). */
export async function createUser(input: NewUser) {
  const data = NewUser.parse(input);
  const existing = await db.user.findUnique({ where: { email: data.email } });
  if (existing) throw new AppError("CONFLICT", `A user with email ${data.email} already exists`);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: data.email, name: data.name, role: data.role, passwordHash } });
    const projects = await tx.project.findMany({ select: { id: true } });
    for (const p of projects) await tx.projectMember.create({ data: { projectId: p.id, userId: user.id } });
    return user;
  });
}
