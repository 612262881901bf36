"use client";
import { useActionState } from "react";
import { createTokenAction } from "@/app/(workbench)/profile/actions";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, null);
  return (
    <form action={action} className="card" style={{ maxWidth: 560 }}>
      <label htmlFor="token-name">New token name</label>
      <div style={{ display: "flex", gap: 8 }}>
        <input id="token-name" name="name" type="text" placeholder="e.g. nightly export" required />
        <button className="primary" type="submit" disabled={pending}>
          Create
        </button>
      </div>
      {state?.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {state?.token && (
        <div role="status">
          <p>Copy this token now; it is not shown again.</p>
          <p className="token" data-testid="new-token">
            {state.token}
          </p>
        </div>
      )}
    </form>
  );
}
