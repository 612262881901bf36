/** Zod schemas for user fields, shared by the admin forms, the CLI and the domain. */
import { z } from "zod";
import { Role } from "@/lib/domain/enums";

export const Email = z.string().trim().toLowerCase().email("Give a valid email address");
export const UserName = z.string().trim().min(1, "Give a name").max(120, "Names have at most 120 characters");
export const UserRole = z
  .string()
  .transform((r) => r.trim().toUpperCase())
  .pipe(z.enum(Role.options, { message: "Roles are admin, reviewer or annotator" }))
  .describe("ADMIN, REVIEWER or ANNOTATOR (any case)");
export const Password = z.string().min(8, "Passwords have at least 8 characters").max(200, "Passwords have at most 200 characters");
/** Projects a new user joins; absent means every project. */
export const ProjectIds = z.array(z.string().min(1)).max(1000).optional();
