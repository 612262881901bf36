"use client";
import { useActionState } from "react";
import type { ActionFailure } from "@/lib/actions/action-error";

type SignIn = (prev: (ActionFailure & { email: string }) | null, form: FormData) => Promise<(ActionFailure & { email: string }) | null>;

export function SignInForm({ next, signIn }: { next: string; signIn: SignIn }) {
  const [state, action, pending] = useActionState(signIn, null);
  return (
    <form action={action}>
      <input type="hidden" name="next" value={next} />
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="username" required autoFocus={!state} defaultValue={state?.email} key={state?.email} />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required autoFocus={Boolean(state)} />
      {state && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      <p>
        <button className="primary" type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </p>
    </form>
  );
}
