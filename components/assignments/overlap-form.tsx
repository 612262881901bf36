"use client";
import { useActionState } from "react";
import type { FormAction } from "@/lib/actions/form-action";
import { ActionOutcome } from "@/components/forms/action-outcome";

export function OverlapForm({ projectId, value, setOverlap }: { projectId: string; value: number; setOverlap: FormAction }) {
  const [state, action, pending] = useActionState(setOverlap, null);
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
      <ActionOutcome state={state} />
    </form>
  );
}
