"use server";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";

/** Only same-site paths are followed after sign-in. */
const safeNext = (next: FormDataEntryValue | null) =>
  typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : "/";

export async function signInAction(_prev: string | null, form: FormData): Promise<string | null> {
  try {
    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: safeNext(form.get("next")),
    });
    return null;
  } catch (err) {
    if (err instanceof AuthError) return "Wrong email or password, or the account is deactivated.";
    throw err; // the redirect after a successful sign-in travels as an error
  }
}
