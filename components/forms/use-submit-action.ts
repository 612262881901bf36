"use client";
import { startTransition, useActionState, type FormEvent } from "react";

/**
 * useActionState for forms that keep what was typed when the server says no:
 * a plain `<form action>` resets its fields after every submission, so an
 * error would wipe the input it is about. Submits with the pressed button's
 * name and value, like the browser does.
 */
export function useSubmitAction<S>(action: (prev: Awaited<S>, form: FormData) => Promise<S>, initial: Awaited<S>) {
  const [state, dispatch, pending] = useActionState<S, FormData>(action, initial);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(e.currentTarget, submitter instanceof HTMLElement ? submitter : null);
    startTransition(() => dispatch(data));
  };
  return [state, onSubmit, pending] as const;
}
