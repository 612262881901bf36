"use client";
import { useActionState } from "react";
import { unassignAction } from "@/app/(workbench)/projects/[id]/assignments/actions";

export function UnassignButton({ projectId, layerId, label }: { projectId: string; layerId: string; label: string }) {
  const [state, action, pending] = useActionState(unassignAction, null);
  return (
    <form action={action} className="unassign">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="layerId" value={layerId} />
      <button type="submit" className="link danger" disabled={pending} aria-label={label}>
        Unassign
      </button>
      {state?.error && (
        <span className="error small" role="alert">
          {state.error}
        </span>
      )}
    </form>
  );
}
