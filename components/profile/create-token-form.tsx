"use client";
import { useActionState } from "react";
import type { FormAction } from "@/lib/actions/form-action";

export function CreateTokenForm({ create }: { create: FormAction<{ token: string }> }) {
  const [state, action, pending] = useActionState(create, null);
  return (
    <form action={action} className="card" style={{ maxWidth: 560 }}>
      <label htmlFor="token-name">New token name</label>
      <div style={{ display: "flex", gap: 8 }}>
        <input id="token-name" name="name" type="text" placeholder="e.g. nightly export" required />
        <button className="primary" type="submit" disabled={pending}>
          Create
        </button>
      </div>
      {state && !state.ok && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <div role="status">
          <p>{state.message}</p>
          <p className="token" data-testid="new-token">
            {state.token}
          </p>
        </div>
      )}
    </form>
  );
}
