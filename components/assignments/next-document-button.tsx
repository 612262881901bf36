"use client";
import { useActionState, useEffect, useRef } from "react";
import type { FormAction } from "@/lib/actions/form-action";

/** Typing in a field, or a key with a modifier, is not the shortcut. */
function isShortcut(e: KeyboardEvent) {
  if (e.key !== "n" || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return false;
  const t = e.target as HTMLElement | null;
  return !(t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName)));
}

/** "Next document →" and its shortcut `n` on the documents page. */
export function NextDocumentButton({ action: next }: { action: FormAction }) {
  const [state, action, pending] = useActionState(next, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcut(e)) return;
      e.preventDefault();
      form.current?.requestSubmit();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <form ref={form} action={action} className="next-doc">
      <button type="submit" className="primary next-doc-button" disabled={pending} aria-keyshortcuts="n">
        {pending ? "Finding your next document…" : "Next document →"}
      </button>
      <span className="muted small">
        or press <kbd>n</kbd>
      </span>
      {state && (
        <p className="banner" role={state.ok ? "status" : "alert"}>
          {state.ok ? state.message : state.error}
        </p>
      )}
    </form>
  );
}
