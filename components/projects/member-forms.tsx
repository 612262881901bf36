"use client";
import type { FormAction } from "@/lib/actions/form-action";
import { useSubmitAction } from "@/components/forms/use-submit-action";

/** Add an existing user by email; suggestions list active users who are not members yet. */
export function AddMemberForm({
  projectId,
  candidates,
  add,
}: {
  projectId: string;
  candidates: { id: string; name: string; email: string; role: string }[];
  add: FormAction;
}) {
  const [state, onSubmit, pending] = useSubmitAction(add, null);
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
export function RemoveMemberButton({ projectId, userId, name, remove }: { projectId: string; userId: string; name: string; remove: FormAction }) {
  const [state, onSubmit, pending] = useSubmitAction(remove, null);
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
