"use client";
import { useActionState } from "react";
import type { FormAction } from "@/lib/actions/form-action";

export function UnassignButton({ projectId, layerId, label, unassign }: { projectId: string; layerId: string; label: string; unassign: FormAction }) {
  const [state, action, pending] = useActionState(unassign, null);
  return (
    <form action={action} className="unassign">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="layerId" value={layerId} />
      <button type="submit" className="link danger" disabled={pending} aria-label={label}>
        Unassign
      </button>
      {state && !state.ok && (
        <span className="error small" role="alert">
          {state.error}
        </span>
      )}
    </form>
  );
}
