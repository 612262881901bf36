"use client";
/**
 * The document page's source-reliability tools: Source grades and Syndication, side by side in the workbench aside.
 * Syndicated passages are fetched once the page is up, not computed in its server render: finding them reads the
 * project's corpus, and the document must open without waiting for that.
 */
import { useEffect, useState } from "react";
import type { GradeView } from "@/lib/grades/grade-view";
import type { DocumentPassage } from "@/lib/syndication/corpus";
import { fetchJson } from "@/components/api/client";
import type { ListPage } from "@/lib/api/list-page";
import { useWorkbench } from "@/components/workbench/workbench-context";
import { SourceGradesPanel } from "./source-grades-panel";
import { SyndicationPanel } from "@/components/syndication/syndication-panel";

type Props = { outlet: string | null; grades: GradeView[]; citedSourceLabels: string[] };
type Passages = { state: "loading" } | { state: "ready"; passages: DocumentPassage[] } | { state: "failed"; message: string };

const NONE: DocumentPassage[] = [];

export function SourcePanels({ outlet, grades, citedSourceLabels }: Props) {
  const { documentId } = useWorkbench();
  const [found, setFound] = useState<Passages>({ state: "loading" });
  useEffect(() => {
    let live = true;
    fetchJson<ListPage<DocumentPassage>>(`/api/v1/documents/${documentId}/syndication`).then(
      (body) => live && setFound({ state: "ready", passages: body.items }),
      (err: Error) => live && setFound({ state: "failed", message: err.message }),
    );
    return () => {
      live = false;
    };
  }, [documentId]);
  const passages = found.state === "ready" ? found.passages : NONE;
  return (
    <>
      <SourceGradesPanel outlet={outlet} initialGrades={grades} citedSourceLabels={citedSourceLabels} passages={passages} />
      <SyndicationPanel
        passages={passages}
        status={found.state === "ready" ? null : found.state === "loading" ? "Looking for syndicated copies…" : `Syndication unavailable: ${found.message}`}
      />
    </>
  );
}
