"use client";
/** The document page's source-reliability tools: Source grades and Syndication, side by side in the workbench aside. */
import type { GradeView } from "@/lib/grades/grade-view";
import type { DocumentPassage } from "@/lib/syndication/corpus";
import { SourceGradesPanel } from "./source-grades-panel";
import { SyndicationPanel } from "@/components/syndication/syndication-panel";

type Props = { outlet: string | null; grades: GradeView[]; citedSourceLabels: string[]; passages: DocumentPassage[] };

export function SourcePanels({ outlet, grades, citedSourceLabels, passages }: Props) {
  return (
    <>
      <SourceGradesPanel outlet={outlet} initialGrades={grades} citedSourceLabels={citedSourceLabels} passages={passages} />
      <SyndicationPanel passages={passages} />
    </>
  );
}
