"use server";
import { headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth";
import { safeNextPath } from "@/lib/auth/safe-next";
import { clientAddress } from "@/lib/auth/client-address";
import { signInRetryAfter } from "@/lib/auth/verify-credentials";
import type { ActionFailure } from "@/lib/actions/action-error";

/** The failure shape of every action (the one action without an actor, so not `formAction`), with the email handed back. */
export type SignInState = (ActionFailure & { email: string }) | null;

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: safeNextPath(form.get("next")),
    });
    return null;
  } catch (err) {
    if (err instanceof CredentialsSignin && err.code === "rate_limited") {
      const wait = (await signInRetryAfter(email, clientAddress(await headers()))) ?? 60;
      return { ok: false, error: `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} min.`, email };
    }
    if (err instanceof AuthError) {
      // React resets the form after an action; hand the email back so only the password is retyped.
      return { ok: false, error: "Wrong email or password, or the account is deactivated.", email };
    }
    throw err; // the redirect after a successful sign-in travels as an error
  }
}
