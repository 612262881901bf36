"use client";
import { useEffect, useState } from "react";
import type { SaveState } from "./save-queue";

/** Always-visible save state: saved, saving, or not saved and retrying. */
export function SaveStatus({ state, onRetry, onAcknowledge }: { state: SaveState; onRetry: () => void; onAcknowledge: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (state.phase !== "retrying") return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [state.phase]);

  return (
    <div className={`save-status ${state.phase}`} role="status" aria-live="polite" data-testid="save-status">
      {state.phase === "saved" && "✓ All changes saved"}
      {state.phase === "saving" && `Saving… (${state.pending})`}
      {state.phase === "refused" && (
        <>
          <span>
            ✗ {state.refused} change{state.refused === 1 ? " was" : "s were"} not saved: {state.message}. The layer shows what the server holds.
          </span>{" "}
          <button onClick={onAcknowledge}>OK</button>
        </>
      )}
      {state.phase === "retrying" && (
        <>
          <span>
            Not saved: {state.message}. {state.pending} change{state.pending === 1 ? "" : "s"} waiting, retry in{" "}
            {Math.max(0, Math.ceil((state.retryAt - now) / 1000))} s.
          </span>{" "}
          <button onClick={onRetry}>Retry now</button>
        </>
      )}
    </div>
  );
}
