"use client";
/** "Next review →": the oldest document still waiting for review, other than this one; says so when none is left. */
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { requestJson } from "@/components/api/client";

export function NextReview({ documentId, autoFocus }: { documentId: string; autoFocus?: boolean }) {
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
    const res = await requestJson<{ items: { id: string }[] }>("/api/v1/review/queue?state=waiting&limit=2");
    setBusy(false);
    if (!res.ok) return setNote(res.error);
    const next = res.data.items.find((d) => d.id !== documentId);
    if (next) router.push(`/review/${next.id}`);
    else setNote("No other document is waiting for review.");
  };
  return (
    <span className="go-next">
      <button className="primary" disabled={busy} onClick={go} ref={button}>
        {busy ? "Finding…" : "Next review →"}
      </button>
      {note && (
        <span className="small muted" role="status">
          {note}
        </span>
      )}
    </span>
  );
}
