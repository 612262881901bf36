"use client";
import { useEffect, useRef, useState } from "react";
import type { FormAction } from "@/lib/actions/form-action";
import { useSubmitAction } from "@/components/forms/use-submit-action";
import { CopyButton } from "@/components/forms/copy-button";

type Props = { projects: { id: string; name: string }[]; action: FormAction<{ name: string; email: string; temporaryPassword: string | null }> };

/** New account: name, email, role, a typed or generated password, and the projects to join (all by default). */
export function CreateUserForm({ projects, action }: Props) {
  const [state, onSubmit, pending] = useSubmitAction(action, null);
  const [mode, setMode] = useState<"generated" | "typed">("generated");
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const invalid = (field: string) => (state && !state.ok && state.field === field ? true : undefined);

  return (
    <section className="card admin-form" aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">New user</h2>
      <form ref={form} onSubmit={onSubmit}>
        <div className="form-grid">
          <div>
            <label htmlFor="new-user-name">Name</label>
            <input id="new-user-name" name="name" type="text" required maxLength={120} autoComplete="off" aria-invalid={invalid("name")} />
          </div>
          <div>
            <label htmlFor="new-user-email">Email</label>
            <input id="new-user-email" name="email" type="email" required autoComplete="off" aria-invalid={invalid("email")} />
          </div>
          <div>
            <label htmlFor="new-user-role">Role</label>
            <select id="new-user-role" name="role" defaultValue="ANNOTATOR">
              <option value="ANNOTATOR">Annotator</option>
              <option value="REVIEWER">Reviewer</option>
              <option value="ADMIN">Admin</option>
            </select>
          </div>
        </div>
        <fieldset className="plain">
          <legend>Password</legend>
          <label className="inline">
            <input type="radio" name="passwordMode" value="generated" checked={mode === "generated"} onChange={() => setMode("generated")} /> Generate a
            temporary password, shown once
          </label>
          <label className="inline">
            <input type="radio" name="passwordMode" value="typed" checked={mode === "typed"} onChange={() => setMode("typed")} /> Type one
          </label>
          {mode === "typed" && (
            <div className="narrow">
              <label htmlFor="new-user-password" className="sr-only">
                Password
              </label>
              <input
                id="new-user-password"
                name="password"
                type="password"
                required
                minLength={8}
                autoComplete="new-password"
                placeholder="at least 8 characters"
                aria-invalid={invalid("password")}
              />
            </div>
          )}
        </fieldset>
        {projects.length > 0 && (
          <fieldset className="plain">
            <legend>Projects</legend>
            <div className="checks">
              {projects.map((p) => (
                <label key={p.id} className="inline">
                  <input type="checkbox" name="projectIds" value={p.id} defaultChecked /> {p.name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <p>
          <button className="primary" type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create user"}
          </button>
        </p>
      </form>
      {state && !state.ok && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <div className="created" role="status">
          <p>
            Created <strong>{state.name}</strong> ({state.email}).
          </p>
          {state.temporaryPassword && (
            <p>
              Temporary password, shown only now; pass it on safely:{" "}
              <code className="token" data-testid="temp-password">
                {state.temporaryPassword}
              </code>{" "}
              <CopyButton text={state.temporaryPassword} label="Copy password" />
            </p>
          )}
        </div>
      )}
    </section>
  );
}
