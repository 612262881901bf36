"use client";
/** Layers to compare, the merge of agreed spans, the disagreements to adjudicate, and the verdict. */
import { useState } from "react";
import type { ReviewProps } from "./review-workbench";
import { useReviewAction } from "./use-review-action";
import { SendBack } from "./send-back";
import { LayerStatusBadge } from "@/components/layer-status-badge";
import { VirtualList } from "@/components/ui/virtual-list";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { NextReview } from "./next-review";

type Props = { documentId: string; review: ReviewProps; hidden: Set<string>; onToggle: (layerId: string) => void; onChanged: () => void };

export function ReviewPanel({ documentId, review, hidden, onToggle, onChanged }: Props) {
  const action = useReviewAction(onChanged);
  const [threshold, setThreshold] = useState<"unanimous" | "majority">("unanimous");
  const [showAgreed, setShowAgreed] = useState(false);
  const names = new Map(review.layers.map((l) => [l.id, l.name]));
  const compared = review.layers.filter((l) => l.compared).length;
  const open = review.candidates.filter((c) => !c.agreed && !c.goldId && !c.support.every((s) => s.reviewState === "REJECTED"));
  const shown = review.candidates.filter((c) => showAgreed || !c.agreed);
  const approved = review.gold.status === "APPROVED";

  return (
    <section className="review-panel" aria-label="Review">
      <h2>Annotators</h2>
      <ul className="layer-list" data-testid="review-layers">
        {review.layers.length === 0 && <li className="muted small">No annotator has started this document.</li>}
        {review.layers.map((l) => (
          <li key={l.id}>
            <label className="toggle">
              <input type="checkbox" checked={!hidden.has(l.id)} onChange={() => onToggle(l.id)} /> {l.name}
            </label>
            <div className="layer-meta">
              <LayerStatusBadge status={l.status} />
              <span className="count small">{l.annotations.length} spans</span>
              {l.status === "SUBMITTED" && !approved && <SendBack layerId={l.id} name={l.name} onChanged={onChanged} />}
            </div>
            {l.lastDecision?.decision === "REJECT" && l.status === "REJECTED" && (
              <p className="small muted feedback-comment">Sent back: “{l.lastDecision.comment}”</p>
            )}
          </li>
        ))}
      </ul>

      {!approved && (
        <div className="merge">
          <h2>Merge</h2>
          <label className="inline small" htmlFor="merge-threshold">
            Put into gold what
          </label>{" "}
          <select id="merge-threshold" value={threshold} onChange={(e) => setThreshold(e.target.value as "unanimous" | "majority")}>
            <option value="unanimous">all annotators agree on</option>
            <option value="majority">a majority agrees on</option>
          </select>{" "}
          <button
            disabled={action.busy || compared === 0}
            onClick={() =>
              action.run(
                `/api/v1/documents/${documentId}/review/merge`,
                { threshold },
                (r) =>
                  `Merged ${r.merged} span${r.merged === 1 ? "" : "s"} into gold (${r.alreadyInGold} already there); ${r.leftToAdjudicate} left to adjudicate.`,
              )
            }
          >
            Merge agreed
          </button>
          {compared === 0 && <p className="small muted">Nothing submitted yet.</p>}
        </div>
      )}

      <h2>
        {showAgreed ? "All spans" : "Disagreements"} <span className="count">{open.length} open</span>
      </h2>
      <label className="toggle small">
        <input type="checkbox" checked={showAgreed} onChange={(e) => setShowAgreed(e.target.checked)} /> Show agreed spans too
      </label>
      {shown.length === 0 && <p className="muted small">{compared < 2 ? "Disagreements show once two or more layers are submitted." : "No disagreements."}</p>}
      <VirtualList
        items={shown}
        itemKey={(c) => c.key}
        className="candidates"
        data-testid="candidates"
        aria-label={showAgreed ? "All spans" : "Disagreements"}
        estimateHeight={78}
        maxHeight="45vh"
        renderItem={(c) => {
          const rejected = c.support.every((s) => s.reviewState === "REJECTED");
          const state = c.goldId ? "in-gold" : rejected ? "rejected" : "open";
          return (
            <div className={`candidate ${state}`} data-state={state}>
              <div className="candidate-text">
                <span className="chip">{c.label}</span> <span className="ann-text">{c.text}</span>
              </div>
              <div className="small muted">
                {c.support.length}/{compared}: {c.support.map((s) => names.get(s.layerId)).join(", ")}
                {state === "in-gold" && <strong className="ok"> · in gold</strong>}
                {state === "rejected" && <strong className="error"> · rejected</strong>}
              </div>
              {!approved && (
                <div className="candidate-actions">
                  <button
                    disabled={action.busy || state === "in-gold"}
                    onClick={() => action.run(`/api/v1/annotations/${c.support[0].annotationId}/accept`)}
                    aria-label={`Accept ${c.label} “${c.text}” into gold`}
                  >
                    Accept
                  </button>
                  <button
                    className="danger"
                    disabled={action.busy || state === "rejected"}
                    onClick={() => action.run(`/api/v1/annotations/${c.support[0].annotationId}/reject`)}
                    aria-label={`Reject ${c.label} “${c.text}”`}
                  >
                    Reject
                  </button>
                </div>
              )}
            </div>
          );
        }}
      />

      {!approved ? (
        <div className="verdict">
          <ConfirmButton
            className="primary"
            disabled={action.busy}
            ask={open.length > 0}
            title="Approve with open disagreements?"
            description={`${open.length} disagreement${open.length === 1 ? " is" : "s are"} not adjudicated. Approving puts the gold layer as it stands into the export.`}
            confirmLabel="Approve anyway"
            onConfirm={() => void action.run(`/api/v1/documents/${documentId}/review/approve`, {}, () => "Document approved; its gold layer is in the export.")}
          >
            Approve document
          </ConfirmButton>
        </div>
      ) : (
        <div className="verdict">
          <p className="status APPROVED" data-testid="approved">
            Approved
          </p>
          <NextReview documentId={documentId} autoFocus />
        </div>
      )}
      {action.message && (
        <p className="small ok" role="status">
          {action.message}
        </p>
      )}
      {action.error && (
        <p className="small error" role="alert">
          {action.error}
        </p>
      )}
    </section>
  );
}
