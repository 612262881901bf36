"use client";
import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/signin/actions";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
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
