/** What the reviewer said about the annotator's layer, on the annotator's document. */
type Feedback = { decision: string; comment: string; reviewer: string; at: string };

export function ReviewFeedback({ status, feedback }: { status: string; feedback: Feedback | null }) {
  if (!feedback || (status !== "REJECTED" && status !== "APPROVED")) return null;
  const rejected = status === "REJECTED";
  return (
    <div className={`banner feedback ${rejected ? "rejected" : "approved"}`} role={rejected ? "alert" : "status"} data-testid="review-feedback">
      <strong>{rejected ? "Sent back for changes" : "Approved"}</strong> by {feedback.reviewer} on{" "}
      {new Date(feedback.at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
      {feedback.comment && <blockquote className="feedback-comment">{feedback.comment}</blockquote>}
      {rejected && <span className="small muted">Fix your layer, then resubmit it for review.</span>}
    </div>
  );
}
