"use client";
import { useActionState } from "react";
import { setOverlapAction } from "@/app/(workbench)/projects/[id]/assignments/actions";

export function OverlapForm({ projectId, value }: { projectId: string; value: number }) {
  const [state, action, pending] = useActionState(setOverlapAction, null);
  return (
    <form action={action} className="assign-inline">
      <input type="hidden" name="projectId" value={projectId} />
      <label htmlFor="overlap" className="inline">
        Annotators per document
      </label>
      <input id="overlap" name="annotatorsPerDocument" type="number" min={1} max={10} defaultValue={value} required />
      <button type="submit" disabled={pending}>
        Save
      </button>
      {state?.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <p className="ok" role="status">
          {state.ok}
        </p>
      )}
    </form>
  );
}
