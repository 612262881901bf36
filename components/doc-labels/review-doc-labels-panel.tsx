"use client";
/**
 * Review: document labels per set, one column per annotator and one for gold,
 * agreement marked per set; each choice is accepted into gold or rejected.
 * "Merge agreed" and approving the document put agreed choices into gold.
 */
import { useWorkbenchState } from "@/components/workbench/workbench-context";
import { useReviewAction } from "@/components/review/use-review-action";
import type { ReviewDocLabels } from "@/lib/doc-labels/review-doc-labels";
import { initials } from "@/components/workbench/presence-bar";

const noop = () => {};

export function ReviewDocLabelsPanel({ data }: { data: ReviewDocLabels }) {
  const locked = useWorkbenchState((s) => s.locked);
  const { run, busy, error } = useReviewAction(noop);
  if (data.sets.length === 0) return null;
  const url = `/api/v1/documents/${data.documentId}/doc-labels/review`;
  const layers = data.layers;
  return (
    <section className="panel doc-labels-review" aria-labelledby="review-doc-labels-h" data-testid="review-doc-labels">
      <h2 id="review-doc-labels-h">Document labels</h2>
      {layers.length === 0 && <p className="muted small">No annotator has worked on this document yet.</p>}
      {data.sets.map((set, i) => {
        const cmp = data.comparison[i];
        const anyone = Object.keys(cmp.support).length > 0;
        return (
          <table key={set.id} data-testid="review-doc-label-set">
            <caption className="small">
              <strong title={set.description || undefined}>{set.name}</strong> <span className="muted">({set.multiple ? "any number" : "one"})</span>{" "}
              {anyone && (cmp.agreed ? <span className="agree">✓ agreed</span> : <span className="disagree">≠ disagreement</span>)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Choice</th>
                {layers.map((l) => (
                  <th
                    key={l.id}
                    scope="col"
                    title={l.compared ? l.name : `${l.name} (${l.status.toLowerCase().replace("_", " ")}: not compared yet)`}
                    className={l.compared ? "" : "muted"}
                  >
                    {/* initials as on the presence bar: the pane is narrow; the full name is the column's accessible name */}
                    <span aria-hidden>{initials(l.name)}</span>
                    <span className="sr-only">{l.name}</span>
                  </th>
                ))}
                <th scope="col">Gold</th>
                <th scope="col">
                  <span className="sr-only">Decision</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {set.choices.map((c) => {
                const inGold = data.gold.includes(c.id);
                const state = data.reviewState[c.id];
                return (
                  <tr key={c.id}>
                    <th scope="row" title={c.description || undefined}>
                      {c.name}
                      {c.archived && <span className="muted small"> (archived)</span>}
                    </th>
                    {layers.map((l) => (
                      <td key={l.id} aria-label={l.choiceIds.includes(c.id) ? `${l.name}: chosen` : `${l.name}: not chosen`}>
                        {l.choiceIds.includes(c.id) ? "●" : ""}
                      </td>
                    ))}
                    <td aria-label={inGold ? "in gold" : "not in gold"}>{inGold ? "★" : ""}</td>
                    <td className="row">
                      <button type="button" disabled={busy || locked || inGold} onClick={() => void run(url, { choiceId: c.id, decision: "accept" })}>
                        {inGold ? "In gold ✓" : "Accept"}
                      </button>{" "}
                      <button
                        type="button"
                        disabled={busy || locked || (state === "REJECTED" && !inGold)}
                        onClick={() => void run(url, { choiceId: c.id, decision: "reject" })}
                      >
                        {state === "REJECTED" && !inGold ? "Rejected" : "Reject"}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
