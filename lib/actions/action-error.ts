/**
 * Server actions return errors to the form instead of throwing: the message
 * the domain wrote (it says what to do), and which field it is about.
 */
import { ZodError } from "zod";
import { unstable_rethrow } from "next/navigation";
import { AppError } from "@/lib/errors";

export type ActionFailure = { ok: false; error: string; field?: string };

export function actionError(err: unknown): ActionFailure {
  unstable_rethrow(err); // redirects and not-found travel as errors
  if (err instanceof AppError) {
    const field = (err.details as { field?: unknown } | undefined)?.field;
    return { ok: false, error: err.message, ...(typeof field === "string" ? { field } : {}) };
  }
  if (err instanceof ZodError) {
    const first = err.issues[0]?.path[0];
    return { ok: false, error: err.issues.map((i) => i.message).join("; "), ...(first !== undefined ? { field: String(first) } : {}) };
  }
  console.error("[action] unexpected error", err);
  return { ok: false, error: "Something went wrong on the server; try again, and tell an admin if it keeps happening" };
}

/** A text field of a submitted form ("" when absent). */
export const formText = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
