"use client";
/** Review: each annotator's source grades with "Accept into gold", and the gold outlet grade set directly. */
import { useState } from "react";
import { useWorkbench, useWorkbenchState } from "@/components/workbench/workbench-context";
import { useReviewAction } from "@/components/review/use-review-action";
import { reliabilityMeaning, credibilityMeaning } from "@/lib/grades/admiralty";
import type { GradeView } from "@/lib/grades/grade-view";
import { GradeForm } from "./grade-form";
import { useOnChange } from "@/components/ui/use-on-change";

type Props = { outlet: string | null; layers: { id: string; name: string }[]; byLayer: Record<string, GradeView[]>; gold: GradeView[] };

const targetName = (g: GradeView) => (g.target === "outlet" ? "Outlet" : `“${g.target.text}”`);

export function ReviewGradesPanel({ outlet, layers, byLayer, gold: initialGold }: Props) {
  const wb = useWorkbench();
  const locked = useWorkbenchState((s) => s.locked);
  const [gold, setGold] = useState(initialGold);
  useOnChange(initialGold, () => setGold(initialGold));
  const { run, busy, error } = useReviewAction(() => void wb.catchUp());
  const goldOutlet = gold.find((g) => g.target === "outlet") ?? null;
  const graded = layers.filter((l) => (byLayer[l.id] ?? []).length > 0);

  return (
    <section className="panel grades-panel" aria-labelledby="review-grades-h">
      <h2 id="review-grades-h">Source grades</h2>
      {graded.length === 0 && <p className="muted small">No annotator has graded a source on this document.</p>}
      {graded.map((l) => (
        <div key={l.id}>
          <h3 className="small">{l.name}</h3>
          <ul className="review-grades">
            {byLayer[l.id].map((g) => (
              <li key={g.id} data-testid="annotator-grade">
                <span>
                  {targetName(g)}:{" "}
                  <strong title={`${reliabilityMeaning(g.reliability)} / ${credibilityMeaning(g.credibility)}`}>
                    {g.reliability}
                    {g.credibility}
                  </strong>
                  {g.rationale && <span className="muted"> — {g.rationale}</span>}
                </span>
                <button type="button" disabled={busy || locked} onClick={() => void run(`/api/v1/grades/${g.id}/accept`, {}, () => "")}>
                  {g.reviewState === "ACCEPTED" ? "Accepted ✓" : "Accept into gold"}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      <h3 className="small">Gold outlet grade{outlet ? ` (${outlet})` : ""}</h3>
      <GradeForm
        key={goldOutlet ? `${goldOutlet.id}-${goldOutlet.version}` : "gold-outlet"}
        testId="gold-outlet-grade"
        documentId={wb.documentId}
        annotationId={null}
        layer="gold"
        grade={goldOutlet}
        locked={locked}
        syndicated={false}
        onSaved={(g) => setGold((list) => [...list.filter((x) => x.id !== g.id), g])}
      />
      {gold.filter((g) => g.target !== "outlet").length > 0 && (
        <ul className="review-grades small">
          {gold
            .filter((g) => g.target !== "outlet")
            .map((g) => (
              <li key={g.id}>
                Gold: {targetName(g)}{" "}
                <strong>
                  {g.reliability}
                  {g.credibility}
                </strong>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
