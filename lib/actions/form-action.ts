/**
 * The one way to write a server action: `formAction(run)` signs the actor in,
 * runs `run` and answers one shape — `{ok: true, message, …}` or the
 * readable failure of `actionError` — so every form reads its outcome the
 * same way. Redirects and not-found pass through.
 */
import { requirePageActor } from "@/lib/auth/require-page-actor";
import type { Actor } from "@/lib/auth/actor";
import { actionError, type ActionFailure } from "./action-error";

/** "no extra fields": the default of every result */
type NoExtra = Record<never, never>;

/** What a form's action answers; null before the first submission. */
export type ActionResult<T extends object = NoExtra> = ({ ok: true; message: string } & T) | ActionFailure | null;

/** A form's server action, as components receive it (from the page, never by importing from app/). */
export type FormAction<T extends object = NoExtra> = (prev: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>;

export function formAction<T extends object = NoExtra>(run: (actor: Actor, form: FormData) => Promise<{ message: string } & T>): FormAction<T> {
  return async (_prev, form) => {
    const actor = await requirePageActor();
    try {
      return { ok: true, ...(await run(actor, form)) };
    } catch (err) {
      return actionError(err);
    }
  };
}
