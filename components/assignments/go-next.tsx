"use client";
/**
 * "Next document →" and "Skip →" in the workbench: asks the queue for the
 * caller's next document (passing the current one over when skipping) and
 * opens it; says so when nothing is left.
 */
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { requestJson } from "@/components/api/client";

export function GoNext({
  documentId,
  skip,
  label,
  className,
  autoFocus,
}: {
  documentId: string;
  skip: boolean;
  label: string;
  className?: string;
  autoFocus?: boolean;
}) {
  const router = useRouter();
  const button = useRef<HTMLButtonElement>(null);
  // once the page around it has settled (a submit or an approval re-renders the panel), the next step has the focus
  useEffect(() => {
    if (!autoFocus) return;
    const frame = requestAnimationFrame(() => button.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [autoFocus]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const go = async () => {
    setBusy(true);
    setNote(null);
    const res = await requestJson<{ documentId: string }>("/api/v1/queue/next", { method: "POST", body: { skip: documentId } });
    setBusy(false);
    if (res.ok && res.data.documentId !== documentId) return router.push(`/documents/${res.data.documentId}`);
    setNote(res.ok || res.status === 404 ? (skip ? "Nothing else in your queue." : "You're all caught up: nothing left in your queue.") : res.error);
  };
  return (
    <span className="go-next">
      <button className={className} disabled={busy} onClick={go} ref={button}>
        {busy ? "Finding…" : label}
      </button>
      {note && (
        <span className="small muted" role="status">
          {note}
        </span>
      )}
    </span>
  );
}
