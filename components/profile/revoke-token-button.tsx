"use client";
import { useActionState } from "react";
import type { FormAction } from "@/lib/actions/form-action";

export function RevokeTokenButton({ tokenId, name, revoke }: { tokenId: string; name: string; revoke: FormAction }) {
  const [state, action, pending] = useActionState(revoke, null);
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <button className="danger" type="submit" disabled={pending} aria-label={`Revoke token ${name}`}>
        Revoke
      </button>
      {state && !state.ok && (
        <span className="error small" role="alert">
          {state.error}
        </span>
      )}
    </form>
  );
}
