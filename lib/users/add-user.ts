import { z } from "zod";
import { authorize } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import { createUser } from "./create-user";
import { generateTemporaryPassword } from "./temporary-password";
import { Email, Password, ProjectIds, UserName, UserRole } from "./user-input";

export const AddUserInput = z.object({
  email: Email,
  name: UserName,
  role: UserRole,
  /** typed by the admin; when absent a temporary one is generated and returned once */
  password: Password.optional(),
  projectIds: ProjectIds,
});
export type AddUserInput = z.input<typeof AddUserInput>;

/** An admin creates an account. A generated temporary password is returned here and nowhere else. */
export async function addUser(opts: { actor: Actor; input: AddUserInput }) {
  authorize(opts.actor, "user:manage");
  const input = AddUserInput.parse(opts.input);
  const temporaryPassword = input.password ? null : generateTemporaryPassword();
  const user = await createUser({ ...input, password: input.password ?? temporaryPassword! }, { actor: opts.actor });
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, temporaryPassword };
}
