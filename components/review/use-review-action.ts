"use client";
/** Calls a review endpoint, then refreshes the page's data; keeps the error readable. */
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { requestJson } from "@/components/api/client";

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
      const res = await requestJson<Record<string, unknown>>(url, { method: "POST", body });
      setBusy(false);
      if (!res.ok) {
        setError(res.status === 0 ? "Cannot reach the server; nothing was changed. Try again." : res.error);
        return false;
      }
      if (describe) setMessage(describe(res.data ?? {}));
      onDone();
      router.refresh();
      return true;
    },
    [onDone, router],
  );
  /** The same POST for several items, one after another (batch adjudication); the page is refreshed once. */
  const runAll = useCallback(
    async (urls: string[], describe: (done: number) => string) => {
      setBusy(true);
      setError(null);
      setMessage(null);
      let done = 0;
      for (const url of urls) {
        const res = await requestJson(url, { method: "POST", body: {} });
        if (!res.ok) {
          setError(`${done} of ${urls.length} done; then: ${res.status === 0 ? "cannot reach the server" : res.error}`);
          break;
        }
        done++;
      }
      setBusy(false);
      if (done === urls.length) setMessage(describe(done));
      if (done > 0) {
        onDone();
        router.refresh();
      }
    },
    [onDone, router],
  );
  return { run, runAll, busy, error, message };
}
