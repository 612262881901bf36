"use client";
/** What the reviewer said about the annotator's layer, on the annotator's document, with the spans the comment points at. */
import type { PointedSpan } from "@/lib/review/pointed-spans";
import { useWorkbench } from "./workbench-context";

type Feedback = { decision: string; comment: string; spans: PointedSpan[]; reviewer: string; at: string };

export function ReviewFeedback({ status, feedback }: { status: string; feedback: Feedback | null }) {
  const { goTo } = useWorkbench();
  if (!feedback || (status !== "REJECTED" && status !== "APPROVED")) return null;
  const rejected = status === "REJECTED";
  return (
    <div className={`banner feedback ${rejected ? "rejected" : "approved"}`} role={rejected ? "alert" : "status"} data-testid="review-feedback">
      <strong>{rejected ? "Sent back for changes" : "Approved"}</strong> by {feedback.reviewer} on{" "}
      {new Date(feedback.at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
      {feedback.comment && <blockquote className="feedback-comment">{feedback.comment}</blockquote>}
      {feedback.spans.length > 0 && (
        <p className="pointed-spans small">
          About{" "}
          {feedback.spans.map((s) => (
            <button key={s.id} type="button" className="pointed-span" onClick={() => goTo(s.start)} aria-label={`Go to “${s.text}” (${s.label})`}>
              “{s.text}” <span className="chip-label">{s.label}</span>
            </button>
          ))}
        </p>
      )}
      {rejected && <span className="small muted">Fix your layer, then resubmit it for review.</span>}
    </div>
  );
}
