"use server";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { safeNextPath } from "@/lib/auth/safe-next";

export type SignInState = { error: string; email: string } | null;

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: safeNextPath(form.get("next")),
    });
    return null;
  } catch (err) {
    if (err instanceof AuthError) {
      // React resets the form after an action; hand the email back so only the password is retyped.
      return { error: "Wrong email or password, or the account is deactivated.", email: String(form.get("email") ?? "") };
    }
    throw err; // the redirect after a successful sign-in travels as an error
  }
}
