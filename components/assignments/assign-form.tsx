"use client";
import { useActionState } from "react";
import { assignAction } from "@/app/(workbench)/projects/[id]/assignments/actions";

type Candidate = { id: string; name: string; role: string };

/** "Assign open seats": who may get seats (annotators pre-checked), and what the run did. */
export function AssignForm({ projectId, candidates, openSeats }: { projectId: string; candidates: Candidate[]; openSeats: number }) {
  const [state, action, pending] = useActionState(assignAction, null);
  return (
    <form action={action} className="card assign-form">
      <input type="hidden" name="projectId" value={projectId} />
      <fieldset>
        <legend>Give seats to</legend>
        {candidates.length === 0 && <p className="muted">This project has no active members.</p>}
        <ul className="assign-choices">
          {candidates.map((c) => (
            <li key={c.id}>
              <label className="inline">
                <input type="checkbox" name="annotatorId" value={c.id} defaultChecked={c.role === "ANNOTATOR"} /> {c.name}
                {c.role !== "ANNOTATOR" && <span className="muted small"> · {c.role.toLowerCase()}</span>}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="assign-inline">
        <button className="primary" type="submit" disabled={pending}>
          {pending ? "Assigning…" : "Assign open seats"}
        </button>
        <span className="muted small">
          {openSeats} open seat{openSeats === 1 ? "" : "s"}; each goes to the checked person with the fewest seats who is not on that document yet.
        </span>
      </div>
      {state?.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <p className="ok" role="status" data-testid="assign-result">
          {state.ok}
        </p>
      )}
    </form>
  );
}
