"use client";
import { addMemberAction, removeMemberAction, type FormState } from "@/app/(workbench)/projects/[id]/actions";
import { useSubmitAction } from "@/components/forms/use-submit-action";

/** Add an existing user by email; suggestions list active users who are not members yet. */
export function AddMemberForm({ projectId, candidates }: { projectId: string; candidates: { id: string; name: string; email: string; role: string }[] }) {
  const [state, onSubmit, pending] = useSubmitAction<FormState>(addMemberAction, null);
  return (
    <form onSubmit={onSubmit} className="inline-form">
      <input type="hidden" name="projectId" value={projectId} />
      <label htmlFor="member-email">Add a member</label>
      <input
        id="member-email"
        name="email"
        type="email"
        list="member-candidates"
        required
        placeholder="email of an existing user"
        aria-invalid={state && !state.ok ? true : undefined}
      />
      <datalist id="member-candidates">
        {candidates.map((c) => (
          <option key={c.id} value={c.email}>
            {c.name} · {c.role.toLowerCase()}
          </option>
        ))}
      </datalist>
      <button type="submit" disabled={pending}>
        Add
      </button>
      {state &&
        (state.ok ? (
          <span role="status" className="ok">
            {state.message}
          </span>
        ) : (
          <span role="alert" className="error">
            {state.error}
          </span>
        ))}
    </form>
  );
}

/** Removes a member; their layers stay. */
export function RemoveMemberButton({ projectId, userId, name }: { projectId: string; userId: string; name: string }) {
  const [state, onSubmit, pending] = useSubmitAction<FormState>(removeMemberAction, null);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="danger" disabled={pending} aria-label={`Remove ${name} from the project`}>
        Remove
      </button>
      {state && !state.ok && (
        <span role="alert" className="error small">
          {" "}
          {state.error}
        </span>
      )}
    </form>
  );
}
