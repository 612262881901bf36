"use server";
import { revalidatePath } from "next/cache";
import { formText } from "@/lib/actions/action-error";
import { formAction } from "@/lib/actions/form-action";
import { AppError } from "@/lib/errors";
import { addUser } from "@/lib/users/add-user";
import { changeUserRole } from "@/lib/users/change-user-role";
import { setUserActive } from "@/lib/users/set-user-active";
import { resetPassword } from "@/lib/users/reset-password";

export const createUserAction = formAction<{ name: string; email: string; temporaryPassword: string | null }>(async (actor, form) => {
  const { user, temporaryPassword } = await addUser({
    actor,
    input: {
      name: formText(form, "name"),
      email: formText(form, "email"),
      role: formText(form, "role"),
      password: formText(form, "passwordMode") === "typed" ? formText(form, "password") : undefined,
      projectIds: form.getAll("projectIds").map(String),
    },
  });
  revalidatePath("/admin/users");
  return { message: `Created ${user.name} (${user.email})`, name: user.name, email: user.email, temporaryPassword };
});

/** One form per user row; the pressed button says what to do. */
export const userRowAction = formAction<{ temporaryPassword?: string }>(async (actor, form) => {
  const userId = formText(form, "userId");
  const intent = formText(form, "intent");
  const done = <T extends { message: string }>(result: T) => {
    revalidatePath("/admin/users");
    return result;
  };
  switch (intent) {
    case "role": {
      const user = await changeUserRole({ actor, userId, role: formText(form, "role") });
      return done({ message: `Role changed to ${user.role.toLowerCase()}` });
    }
    case "deactivate":
      await setUserActive({ actor, userId, active: false });
      return done({ message: "Deactivated: signed out on their next request" });
    case "reactivate":
      await setUserActive({ actor, userId, active: true });
      return done({ message: "Reactivated" });
    case "reset": {
      const { temporaryPassword } = await resetPassword({ actor, userId });
      return done({ message: "New temporary password (shown once):", temporaryPassword });
    }
    default:
      throw new AppError("INVALID_INPUT", `Unknown action "${intent}"`);
  }
});
