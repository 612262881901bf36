"use client";
import type { FormAction } from "@/lib/actions/form-action";
import { useSubmitAction } from "@/components/forms/use-submit-action";

type Props = { project: { id: string; name: string; guidelines: string; showOtherLayers: boolean; blindReview: boolean; updatedAt: string }; save: FormAction };

/** Name, guidelines and the two visibility switches. A concurrent edit by another admin is refused, not overwritten. */
export function ProjectSettingsForm({ project, save }: Props) {
  const [state, onSubmit, pending] = useSubmitAction(save, null);
  const invalid = (field: string) => (state && !state.ok && state.field === field ? true : undefined);
  return (
    <form onSubmit={onSubmit} className="card settings">
      <input type="hidden" name="projectId" value={project.id} />
      <input type="hidden" name="expectedUpdatedAt" value={project.updatedAt} />
      <label htmlFor="project-name">Name</label>
      <input id="project-name" name="name" type="text" defaultValue={project.name} required maxLength={120} aria-invalid={invalid("name")} />
      <label htmlFor="project-guidelines">Guidelines</label>
      <textarea
        id="project-guidelines"
        name="guidelines"
        rows={8}
        defaultValue={project.guidelines}
        maxLength={50_000}
        aria-invalid={invalid("guidelines")}
        aria-describedby="guidelines-help"
        placeholder="What to annotate and how: shown to annotators as plain text."
      />
      <p id="guidelines-help" className="muted small">
        Plain text; line breaks are kept. Each label&apos;s own guideline is its description below.
      </p>
      <label className="inline check">
        <input type="checkbox" name="showOtherLayers" defaultChecked={project.showOtherLayers} /> Annotators see each other&apos;s layers before review
      </label>
      <label className="inline check">
        <input type="checkbox" name="blindReview" defaultChecked={project.blindReview} /> Hide annotator names from reviewers
      </label>
      <p className="form-footer">
        <button className="primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
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
      </p>
    </form>
  );
}
