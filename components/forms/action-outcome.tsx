import type { ActionResult } from "@/lib/actions/form-action";

/** What a form's action answered: the failure as an alert, the success as a status line. */
export function ActionOutcome({ state, className = "", testId }: { state: ActionResult<object>; className?: string; testId?: string }) {
  if (!state) return null;
  return state.ok ? (
    <p className={`ok ${className}`.trim()} role="status" data-testid={testId}>
      {state.message}
    </p>
  ) : (
    <p className={`error ${className}`.trim()} role="alert">
      {state.error}
    </p>
  );
}
