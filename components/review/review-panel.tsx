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
import type { Candidate } from "@/lib/review/candidates";
import { DiscussButtons } from "@/components/threads/discuss-buttons";

/** A disagreement still to decide: neither in gold nor rejected. */
export const isOpen = (c: Candidate) => !c.agreed && !c.goldId && !c.overruled && !c.support.every((s) => s.reviewState === "REJECTED");

type Props = {
  documentId: string;
  review: ReviewProps;
  hidden: Set<string>;
  onToggle: (layerId: string) => void;
  onChanged: () => void;
  /** open items of the page's other sections (stances, quote links), said before approving */
  openElsewhere?: string[];
};

export function ReviewPanel({ documentId, review, hidden, onToggle, onChanged, openElsewhere = [] }: Props) {
  const action = useReviewAction(onChanged);
  const [threshold, setThreshold] = useState<"unanimous" | "majority">("unanimous");
  const [showAll, setShowAll] = useState(false);
  const [active, setActive] = useState(0);
  const names = new Map(review.layers.map((l) => [l.id, l.name]));
  const compared = review.layers.filter((l) => l.compared).length;
  const open = review.candidates.filter(isOpen);
  const disputed = new Set(open.flatMap((c) => c.support.map((s) => s.annotationId)));
  // the open disagreements only, so the list shrinks as they are decided; everything on demand
  const shown = showAll ? review.candidates : open;
  const current = shown[Math.min(active, shown.length - 1)];
  const approved = review.gold.status === "APPROVED";
  const sentBack = review.layers.filter((l) => l.status === "REJECTED").length;
  const accept = (c: Candidate) => action.run(`/api/v1/annotations/${c.support[0].annotationId}/accept`);
  const reject = (c: Candidate) => action.run(`/api/v1/annotations/${c.support[0].annotationId}/reject`);
  const decideAll = (verb: "accept" | "reject") =>
    action.runAll(
      open.map((c) => `/api/v1/annotations/${c.support[0].annotationId}/${verb}`),
      (n) => `${verb === "accept" ? "Accepted" : "Rejected"} ${n} span${n === 1 ? "" : "s"}.`,
    );
  const onListKey = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !current) return;
    const step = e.key === "ArrowDown" || e.key === "j" ? 1 : e.key === "ArrowUp" || e.key === "k" ? -1 : 0;
    if (step) {
      e.preventDefault();
      setActive((i) => Math.max(0, Math.min(shown.length - 1, Math.min(i, shown.length - 1) + step)));
    } else if (e.key === "a" && !approved && !current.goldId && !action.busy) {
      e.preventDefault();
      void accept(current);
    } else if (e.key === "r" && !approved && !action.busy) {
      e.preventDefault();
      void reject(current);
    }
  };

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
              {l.status === "SUBMITTED" && !approved && (
                <SendBack layerId={l.id} name={l.name} spans={l.annotations} disputed={disputed} onChanged={onChanged} />
              )}
            </div>
            {l.lastDecision?.decision === "REJECT" && l.status === "REJECTED" && (
              <p className="small muted feedback-comment">
                Sent back: “{l.lastDecision.comment}”
                {l.lastDecision.spans.length > 0 && ` About ${l.lastDecision.spans.map((s) => `“${s.text}” (${s.label})`).join(", ")}.`}
              </p>
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
              action.run(`/api/v1/documents/${documentId}/review/merge`, { threshold }, (r) => {
                const st = r.stances as { merged: number; leftToAdjudicate: number } | undefined;
                const stances = st && st.merged + st.leftToAdjudicate > 0 ? ` Stances: ${st.merged} merged, ${st.leftToAdjudicate} left.` : "";
                const labels = r.docLabelsMerged ? ` ${r.docLabelsMerged} agreed document label${r.docLabelsMerged === 1 ? "" : "s"} too.` : "";
                return `Merged ${r.merged} span${r.merged === 1 ? "" : "s"} into gold (${r.alreadyInGold} already there); ${r.leftToAdjudicate} left to adjudicate.${stances}${labels}`;
              })
            }
          >
            Merge agreed
          </button>
          {compared === 0 && <p className="small muted">Nothing submitted yet.</p>}
        </div>
      )}

      <h2>
        {showAll ? "All spans" : "Disagreements"} <span className="count">{open.length} open</span>
      </h2>
      <label className="toggle small">
        <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show decided and agreed spans too
      </label>
      {sentBack > 0 && <p className="small muted">Layers sent back are left out of the comparison until they are resubmitted.</p>}
      {shown.length === 0 && (
        <p className="muted small">{compared < 2 ? "Disagreements show once two or more layers are submitted." : "No open disagreements."}</p>
      )}
      {!approved && open.length > 1 && (
        <div className="batch-actions">
          <ConfirmButton
            disabled={action.busy}
            ask
            title={`Accept all ${open.length} open spans?`}
            description="Each open disagreement's span goes into gold as the annotator drew it."
            confirmLabel={`Accept ${open.length}`}
            onConfirm={() => void decideAll("accept")}
          >
            Accept all {open.length}
          </ConfirmButton>
          <ConfirmButton
            className="danger"
            disabled={action.busy}
            ask
            title={`Reject all ${open.length} open spans?`}
            description="None of them goes into gold; the annotators' layers keep them."
            confirmLabel={`Reject ${open.length}`}
            onConfirm={() => void decideAll("reject")}
          >
            Reject all {open.length}
          </ConfirmButton>
        </div>
      )}
      <div
        className="candidates-keys"
        tabIndex={shown.length ? 0 : -1}
        role="group"
        aria-label="Disagreements: ↑ and ↓ choose, a accepts into gold, r rejects"
        aria-keyshortcuts="ArrowUp ArrowDown a r"
        onKeyDown={onListKey}
      >
        <VirtualList
          activeIndex={shown.indexOf(current)}
          items={shown}
          itemKey={(c) => c.key}
          className="candidates"
          data-testid="candidates"
          aria-label={showAll ? "All spans" : "Disagreements"}
          estimateHeight={78}
          maxHeight="45vh"
          renderItem={(c) => {
            const rejected = c.support.every((s) => s.reviewState === "REJECTED");
            const state = c.goldId ? "in-gold" : rejected ? "rejected" : c.overruled ? "overruled" : "open";
            return (
              <div
                className={`candidate ${state}${c === current ? " active" : ""}`}
                data-state={state}
                aria-current={c === current ? "true" : undefined}
                onClick={() => setActive(shown.indexOf(c))}
              >
                <div className="candidate-text">
                  <span className="chip">{c.label}</span> <span className="ann-text">{c.text}</span>
                </div>
                <div className="small muted">
                  {c.support.length}/{compared}: {c.support.map((s) => names.get(s.layerId)).join(", ")}
                  {state === "in-gold" && <strong className="ok"> · in gold</strong>}
                  {state === "rejected" && <strong className="error"> · rejected</strong>}
                  {state === "overruled" && <strong className="muted"> · gold has another label</strong>}
                </div>
                <DiscussButtons candidate={c} names={names} />
                {!approved && (
                  <div className="candidate-actions">
                    <button disabled={action.busy || state === "in-gold"} onClick={() => void accept(c)} aria-label={`Accept ${c.label} “${c.text}” into gold`}>
                      Accept
                    </button>
                    <button
                      className="danger"
                      disabled={action.busy || state === "rejected"}
                      onClick={() => void reject(c)}
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
      </div>

      {!approved ? (
        <div className="verdict">
          <ConfirmButton
            className="primary"
            disabled={action.busy}
            ask={open.length > 0 || sentBack > 0 || openElsewhere.length > 0}
            title={open.length > 0 || openElsewhere.length > 0 ? "Approve with open disagreements?" : "Approve with a layer sent back?"}
            description={[
              open.length > 0 && `${open.length} disagreement${open.length === 1 ? " is" : "s are"} not adjudicated.`,
              openElsewhere.length > 0 && `Still open: ${openElsewhere.join(", ")}.`,
              sentBack > 0 && `${sentBack} layer${sentBack === 1 ? " was" : "s were"} sent back and not resubmitted.`,
              "Approving puts the gold layer as it stands into the export.",
            ]
              .filter(Boolean)
              .join(" ")}
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
