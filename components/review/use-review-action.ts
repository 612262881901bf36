"use client";
/** Calls a review endpoint, then refreshes the page's data; keeps the error readable. */
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";

export function useReviewAction(onDone: () => void) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const run = useCallback(
    async (url: string, body: unknown = {}, describe?: (result: Record<string, unknown>) => string) => {
      setBusy(true);
      setError(null);
      setMessage(null);
      try {
        const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
        const json = (await res.json().catch(() => ({}))) as Record<string, unknown> & { error?: { message?: string } };
        if (!res.ok) {
          setError(json.error?.message ?? `The server refused (${res.status})`);
          return false;
        }
        if (describe) setMessage(describe(json));
        onDone();
        router.refresh();
        return true;
      } catch {
        setError("Cannot reach the server; nothing was changed. Try again.");
        return false;
      } finally {
        setBusy(false);
      }
    },
    [onDone, router],
  );
  return { run, busy, error, message };
}
