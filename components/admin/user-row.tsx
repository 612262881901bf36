"use client";
import { useState } from "react";
import type { FormAction } from "@/lib/actions/form-action";
import { useSubmitAction } from "@/components/forms/use-submit-action";
import { CopyButton } from "@/components/forms/copy-button";
import { RowNote } from "@/components/forms/row-note";
import { useOnChange } from "@/components/ui/use-on-change";

export type UserRowData = {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  createdAt: string;
  projects: { id: string; name: string }[];
  projectCount: number;
};

const COLUMNS = 7;

/** One user: role, active flag and password reset, each answered in a line under the row. */
export function UserRow({ user, isSelf, action }: { user: UserRowData; isSelf: boolean; action: FormAction<{ temporaryPassword?: string }> }) {
  const [state, onSubmit, pending] = useSubmitAction(action, null);
  const [confirmReset, setConfirmReset] = useState(false);
  // Closed once the server answers; removing the pressed button during its click would cancel the submission.
  useOnChange(state, () => setConfirmReset(false));
  const formId = `user-${user.id}`;
  const more = user.projectCount - user.projects.length;

  return (
    <>
      <tr className={user.active ? undefined : "inactive"} data-testid={`user-row-${user.email}`}>
        <td>
          {user.name}
          {isSelf && <span className="muted"> (you)</span>}
        </td>
        <td className="email">{user.email}</td>
        <td>
          <span className="inline-edit">
            <label htmlFor={`${formId}-role`} className="sr-only">
              Role of {user.name}
            </label>
            <select
              id={`${formId}-role`}
              name="role"
              form={formId}
              defaultValue={user.role}
              disabled={isSelf}
              title={isSelf ? "You cannot change your own role" : undefined}
            >
              <option value="ANNOTATOR">Annotator</option>
              <option value="REVIEWER">Reviewer</option>
              <option value="ADMIN">Admin</option>
            </select>
            {!isSelf && (
              <button type="submit" form={formId} name="intent" value="role" disabled={pending} aria-label={`Save role of ${user.name}`}>
                Save
              </button>
            )}
          </span>
        </td>
        <td>{user.active ? <span className="status APPROVED">Active</span> : <span className="status REJECTED">Deactivated</span>}</td>
        <td className="nowrap">{user.createdAt.slice(0, 10)}</td>
        <td className="projects-cell">
          {user.projects.length === 0 ? <span className="muted">none</span> : user.projects.map((p) => p.name).join(", ")}
          {more > 0 && <span className="muted"> +{more} more</span>}
        </td>
        <td className="actions">
          <form id={formId} onSubmit={onSubmit}>
            <input type="hidden" name="userId" value={user.id} />
            {user.active ? (
              <button
                type="submit"
                name="intent"
                value="deactivate"
                className="danger"
                disabled={pending || isSelf}
                title={isSelf ? "You cannot deactivate yourself" : undefined}
              >
                Deactivate
              </button>
            ) : (
              <button type="submit" name="intent" value="reactivate" disabled={pending}>
                Reactivate
              </button>
            )}
            {confirmReset ? (
              <>
                <button type="submit" name="intent" value="reset" className="danger" disabled={pending}>
                  Confirm reset
                </button>
                <button type="button" onClick={() => setConfirmReset(false)}>
                  Cancel
                </button>
              </>
            ) : (
              <button type="button" onClick={() => setConfirmReset(true)} disabled={pending}>
                Reset password
              </button>
            )}
          </form>
        </td>
      </tr>
      {state && (
        <RowNote columns={COLUMNS} state={state}>
          {state.ok && (
            <>
              {state.message}{" "}
              {state.temporaryPassword && (
                <>
                  <code className="token" data-testid="reset-password">
                    {state.temporaryPassword}
                  </code>{" "}
                  <CopyButton text={state.temporaryPassword} label="Copy password" />
                </>
              )}
            </>
          )}
        </RowNote>
      )}
    </>
  );
}
