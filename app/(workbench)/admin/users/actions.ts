"use server";
import { revalidatePath } from "next/cache";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { actionError, formText, type ActionFailure } from "@/lib/actions/action-error";
import { addUser } from "@/lib/users/add-user";
import { changeUserRole } from "@/lib/users/change-user-role";
import { setUserActive } from "@/lib/users/set-user-active";
import { resetPassword } from "@/lib/users/reset-password";

export type CreateUserState = { ok: true; name: string; email: string; temporaryPassword: string | null } | ActionFailure | null;

export async function createUserAction(_prev: CreateUserState, form: FormData): Promise<CreateUserState> {
  const actor = await requirePageActor();
  try {
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
    return { ok: true, name: user.name, email: user.email, temporaryPassword };
  } catch (err) {
    return actionError(err);
  }
}

export type UserRowState = { ok: true; message: string; temporaryPassword?: string } | ActionFailure | null;

/** One form per user row; the pressed button says what to do. */
export async function userRowAction(_prev: UserRowState, form: FormData): Promise<UserRowState> {
  const actor = await requirePageActor();
  const userId = formText(form, "userId");
  try {
    let result: UserRowState;
    switch (formText(form, "intent")) {
      case "role": {
        const user = await changeUserRole({ actor, userId, role: formText(form, "role") });
        result = { ok: true, message: `Role changed to ${user.role.toLowerCase()}` };
        break;
      }
      case "deactivate":
        await setUserActive({ actor, userId, active: false });
        result = { ok: true, message: "Deactivated: signed out on their next request" };
        break;
      case "reactivate":
        await setUserActive({ actor, userId, active: true });
        result = { ok: true, message: "Reactivated" };
        break;
      case "reset": {
        const { temporaryPassword } = await resetPassword({ actor, userId });
        result = { ok: true, message: "New temporary password (shown once):", temporaryPassword };
        break;
      }
      default:
        return { ok: false, error: "Unknown action" };
    }
    revalidatePath("/admin/users");
    return result;
  } catch (err) {
    return actionError(err);
  }
}
