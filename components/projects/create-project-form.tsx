"use client";
import type { FormAction } from "@/lib/actions/form-action";
import { ActionOutcome } from "@/components/forms/action-outcome";
import { useSubmitAction } from "@/components/forms/use-submit-action";
import { SLUG_PATTERN } from "@/lib/projects/project-input";
import { htmlPattern } from "@/lib/util/html-pattern";

/** Name and slug; the new project starts with the default label schema. */
export function CreateProjectForm({ create }: { create: FormAction }) {
  const [state, onSubmit, pending] = useSubmitAction(create, null);
  const invalid = (field: string) => (state && !state.ok && state.field === field ? true : undefined);
  return (
    <section className="card admin-form" aria-labelledby="new-project-heading">
      <h2 id="new-project-heading">New project</h2>
      <form onSubmit={onSubmit}>
        <div className="form-grid">
          <div>
            <label htmlFor="new-project-name">Name</label>
            <input id="new-project-name" name="name" type="text" required maxLength={120} aria-invalid={invalid("name")} />
          </div>
          <div>
            <label htmlFor="new-project-slug">
              Slug <span className="muted small">(optional; made from the name)</span>
            </label>
            <input
              id="new-project-slug"
              name="slug"
              type="text"
              maxLength={60}
              pattern={htmlPattern(SLUG_PATTERN)}
              placeholder="e.g. iraq-2015"
              aria-invalid={invalid("slug")}
              aria-describedby="slug-help"
            />
            <span id="slug-help" className="sr-only">
              Lower-case letters and digits joined by single hyphens
            </span>
          </div>
        </div>
        <label className="inline check">
          <input type="checkbox" name="addAllUsers" defaultChecked /> Make every active user a member
        </label>
        <p className="muted small">It starts with the default entity labels (PERSON, ORG, GPE …), which you can change on its settings page.</p>
        <p>
          <button className="primary" type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create project"}
          </button>
        </p>
        <ActionOutcome state={state} />
      </form>
    </section>
  );
}
