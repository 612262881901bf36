"use client";
/**
 * "Submit for review": hands the annotator's layer to the reviewers once every
 * change is saved; then "Next document →" goes on to the queue's next one.
 * "Skip →" passes this document over for now.
 */
import { useState } from "react";
import { useRouter } from "next/navigation";
import { requestJson } from "@/components/api/client";
import { GoNext } from "@/components/assignments/go-next";

const SUBMITTABLE = ["NOT_STARTED", "IN_PROGRESS", "REJECTED"];

export function SubmitLayer({ documentId, status, spans, pending }: { documentId: string; status: string; spans: number; pending: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!SUBMITTABLE.includes(status)) {
    return (
      <div className="submit-layer">
        <p className="submit-state small" data-testid="layer-status">
          <span className={`status ${status}`}>{status === "SUBMITTED" ? "Submitted for review" : "Approved"}</span>
        </p>
        <GoNext documentId={documentId} skip={false} label="Next document →" className="primary" autoFocus />
      </div>
    );
  }

  const submit = async () => {
    setBusy(true);
    setError(null);
    const res = await requestJson(`/api/v1/documents/${documentId}/submit`, { method: "POST" });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setConfirming(false);
    router.refresh();
  };

  return (
    <div className="submit-layer">
      {!confirming ? (
        <button className="primary" disabled={pending} onClick={() => setConfirming(true)} title={pending ? "Wait until every change is saved" : undefined}>
          {status === "REJECTED" ? "Resubmit for review" : "Submit for review"}
        </button>
      ) : null}
      {!confirming && <GoNext documentId={documentId} skip label="Skip →" className="link" />}
      {confirming && (
        <div role="group" aria-label="Confirm submission" className="confirm">
          <p className="small">
            Submit {spans} span{spans === 1 ? "" : "s"}? The layer is read-only until a reviewer sends it back.
          </p>
          <button className="primary" disabled={busy || pending} onClick={submit} autoFocus>
            {busy ? "Submitting…" : "Yes, submit"}
          </button>{" "}
          <button onClick={() => setConfirming(false)}>Cancel</button>
        </div>
      )}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
