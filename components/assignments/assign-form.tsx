"use client";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import type { FormAction } from "@/lib/actions/form-action";
import { ActionOutcome } from "@/components/forms/action-outcome";

type Candidate = { id: string; name: string; role: string };

/** "Assign open seats": who may get seats (annotators pre-checked), and what the run did. */
export function AssignForm({
  projectId,
  candidates,
  openSeats,
  assign,
}: {
  projectId: string;
  candidates: Candidate[];
  openSeats: number;
  assign: FormAction;
}) {
  const [state, action, pending] = useActionState(assign, null);
  // The choice stays as made after a run: the form is submitted by hand, not
  // through `action`, which would reset it to the pre-checked defaults.
  const [chosen, setChosen] = useState(() => new Set(candidates.filter((c) => c.role === "ANNOTATOR").map((c) => c.id)));
  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <form onSubmit={submit} className="card assign-form">
      <input type="hidden" name="projectId" value={projectId} />
      <fieldset>
        <legend>Give seats to</legend>
        {candidates.length === 0 && <p className="muted">This project has no active members.</p>}
        <ul className="assign-choices">
          {candidates.map((c) => (
            <li key={c.id}>
              <label className="inline">
                <input type="checkbox" name="annotatorId" value={c.id} checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} /> {c.name}
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
      <ActionOutcome state={state} testId="assign-result" />
    </form>
  );
}
