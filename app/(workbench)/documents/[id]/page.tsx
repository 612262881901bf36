import Link from "next/link";
import { orNotFound } from "@/lib/pages/or-not-found";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { getDocument } from "@/lib/documents/get-document";
import { listLabels } from "@/lib/projects/list-labels";
import { preload } from "react-dom";
import { ownLayerFeedback, ownLayerStatus } from "@/lib/review/own-feedback";
import { can } from "@/lib/authz";
import { AnnotateWorkbench } from "@/components/workbench/annotate-workbench";
import { annotatePageDataUrl, documentTextUrl } from "@/components/workbench/data-urls";
import { ReviewFeedback } from "@/components/workbench/review-feedback";
import { EntityPanels } from "@/components/entities/entity-panels";
import { z } from "zod";
import { SearchHitMark } from "@/components/search/search-hit-mark";
import { ModelSuggestionsPanel } from "@/components/suggestions/model-suggestions-panel";
import { SourcePanels } from "@/components/grades/source-panels";
import { listGrades } from "@/lib/grades/grades";
import { AnalystPanels } from "@/components/stances/analyst-panels";
import { holderOptions } from "@/lib/stances/holder-options";
import { listTargets } from "@/lib/stances/targets";
import { projectGuidelines } from "@/lib/projects/project-guidelines";
import { GuidelinesPanel } from "@/components/guidelines/guidelines-panel";
import { DocLabelsPanel } from "@/components/doc-labels/doc-labels-panel";
import { DiscussionPanel } from "@/components/threads/discussion-panel";

/** `?at=start-end`: a passage to show (a search hit), in code points */
const At = z
  .string()
  .regex(/^\d{1,7}-\d{1,7}$/)
  .transform((s) => s.split("-").map(Number) as [number, number])
  .refine(([start, end]) => start < end);

export default async function DocumentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ at?: string | string[] }> }) {
  const at = At.safeParse((await searchParams).at);
  const actor = await requirePageActor();
  const { id } = await params;
  const { doc, status, labels, feedback, grades, holders, targets, guidelines } = await orNotFound(async () => {
    const doc = await getDocument({ actor, documentId: id });
    // The text and the layers come beside the page, fetched while its scripts load.
    preload(documentTextUrl(doc.id), { as: "fetch", crossOrigin: "anonymous" });
    preload(annotatePageDataUrl(doc.id), { as: "fetch", crossOrigin: "anonymous" });
    const [status, labels, feedback, grades, holders, targets, guidelines] = await Promise.all([
      ownLayerStatus({ actor, documentId: id }),
      listLabels({ projectId: doc.projectId }),
      ownLayerFeedback({ actor, documentId: id }),
      listGrades({ actor, documentId: id }),
      holderOptions({ projectId: doc.projectId }),
      listTargets({ actor, projectId: doc.projectId }),
      projectGuidelines({ projectId: doc.projectId }),
    ]);
    return { doc, status, labels, feedback, grades, holders, targets, guidelines };
  });
  return (
    <AnnotateWorkbench
      document={{ id: doc.id, title: doc.title, outlet: doc.outlet, byline: doc.byline, publishedAt: doc.publishedAt }}
      labels={labels}
      banner={
        <>
          {at.success && at.data[1] <= doc.length && <SearchHitMark start={at.data[0]} end={at.data[1]} />}
          <ReviewFeedback status={status} feedback={feedback} />
        </>
      }
      aside={
        <>
          <GuidelinesPanel guidelines={guidelines} />
          <DocLabelsPanel />
          <DiscussionPanel />
          <ModelSuggestionsPanel />
          <EntityPanels projectId={doc.projectId} />
          <SourcePanels outlet={doc.outlet} grades={grades} citedSourceLabels={labels.filter((l) => l.kind === "CITED_SOURCE").map((l) => l.name)} />
          <AnalystPanels holders={holders} targets={targets} labelKinds={Object.fromEntries(labels.map((l) => [l.name, l.kind]))} />
        </>
      }
      headerExtra={
        can(actor, "review:decide") ? (
          <nav className="doc-links" aria-label="Document">
            <Link href={`/review/${doc.id}`}>Review</Link>
            <Link href={`/documents/${doc.id}/history`}>History</Link>
          </nav>
        ) : null
      }
    />
  );
}
