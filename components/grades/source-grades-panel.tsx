"use client";
/** "Source grades": the document's outlet and the focused cited-source span, graded on the Admiralty scale. */
import { useState } from "react";
import { useWorkbench, useWorkbenchState } from "@/components/workbench/workbench-context";
import type { GradeView } from "@/lib/grades/grade-view";
import type { DocumentPassage } from "@/lib/syndication/corpus";
import { GradeForm } from "./grade-form";

type Props = { outlet: string | null; initialGrades: GradeView[]; citedSourceLabels: string[]; passages: DocumentPassage[] };

export function SourceGradesPanel({ outlet, initialGrades, citedSourceLabels, passages }: Props) {
  const wb = useWorkbench();
  const focusedSpan = useWorkbenchState((s) => s.focused);
  const locked = useWorkbenchState((s) => s.locked);
  const [grades, setGrades] = useState(initialGrades);
  const saved = (g: GradeView) => setGrades((list) => [...list.filter((x) => x.id !== g.id), g]);
  const outletGrade = grades.find((g) => g.target === "outlet") ?? null;
  const focused = focusedSpan && citedSourceLabels.includes(focusedSpan.label) ? focusedSpan : null;
  const spanGrade = focused ? (grades.find((g) => g.target !== "outlet" && g.target.annotationId === focused.id) ?? null) : null;
  const spanGrades = grades.filter((g) => g.target !== "outlet");

  return (
    <section className="panel grades-panel" aria-labelledby="grades-h">
      <h2 id="grades-h">Source grades</h2>
      <h3 className="small">
        Outlet: <span data-testid="grade-outlet">{outlet ?? "not given"}</span>
      </h3>
      <GradeForm
        key="outlet"
        testId="outlet-grade"
        documentId={wb.documentId}
        annotationId={null}
        layer={wb.target}
        grade={outletGrade}
        locked={locked}
        syndicated={passages.length > 0}
        onSaved={saved}
      />
      {focused ? (
        <>
          <h3 className="small">
            Cited source: <q>{focused.text}</q>
          </h3>
          {focused.version === 0 ? (
            <p className="muted small">Saving the span…</p>
          ) : (
            <GradeForm
              key={focused.id}
              testId="span-grade"
              documentId={wb.documentId}
              annotationId={focused.id}
              layer={wb.target}
              grade={spanGrade}
              locked={locked}
              syndicated={false}
              onSaved={saved}
            />
          )}
        </>
      ) : (
        <p className="muted small">
          Click a {citedSourceLabels.length ? citedSourceLabels.join(" / ") : "cited-source"} span to grade that source.
          {spanGrades.length > 0 && ` ${spanGrades.length} cited source${spanGrades.length === 1 ? "" : "s"} graded.`}
        </p>
      )}
    </section>
  );
}
