"use client";
/** Sends one annotator's layer back with a comment they will see on their document. */
import { useId, useState } from "react";
import { useReviewAction } from "./use-review-action";

export function SendBack({ layerId, name, onChanged }: { layerId: string; name: string; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  const action = useReviewAction(onChanged);
  const id = useId();
  if (!open) {
    return (
      <button className="link" onClick={() => setOpen(true)}>
        Send back…
      </button>
    );
  }
  return (
    <form
      className="send-back"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await action.run(`/api/v1/layers/${layerId}/reject`, { comment })) setOpen(false);
      }}
    >
      <label htmlFor={id} className="small">
        What should {name} fix?
      </label>
      <textarea id={id} value={comment} onChange={(e) => setComment(e.target.value)} rows={3} required maxLength={4000} autoFocus />
      <button type="submit" className="danger" disabled={action.busy || !comment.trim()}>
        Send back
      </button>{" "}
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {action.error && (
        <p className="small error" role="alert">
          {action.error}
        </p>
      )}
    </form>
  );
}
