import Link from "next/link";
import { orNotFound } from "@/lib/pages/or-not-found";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { preload } from "react-dom";
import { getDocument } from "@/lib/documents/get-document";
import { listAnnotatorLayers } from "@/lib/review/review-page-data";
import { listLabels } from "@/lib/projects/list-labels";
import { ReviewWorkbench } from "@/components/review/review-workbench";
import { ReviewGradesPanel } from "@/components/grades/review-grades-panel";
import { loadReviewGrades } from "@/lib/grades/review-grades";
import { ReviewStancesPanel } from "@/components/review/review-stances-panel";
import { openStancesAndLinks, reviewStancesAndLinks } from "@/lib/review/review-stances";
import { documentTextUrl, reviewPageDataUrl } from "@/components/workbench/data-urls";
import { projectGuidelines } from "@/lib/projects/project-guidelines";
import { GuidelinesPanel } from "@/components/guidelines/guidelines-panel";
import { ReviewDocLabelsPanel } from "@/components/doc-labels/review-doc-labels-panel";
import { loadReviewDocLabels } from "@/lib/doc-labels/review-doc-labels";
import { DiscussionPanel } from "@/components/threads/discussion-panel";

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("review:decide");
  const { id } = await params;
  const { doc, labels, grades, layers, guidelines, docLabels, stances } = await orNotFound(async () => {
    const doc = await getDocument({ actor, documentId: id });
    // The text and the layers come beside the page, fetched while its scripts load.
    preload(documentTextUrl(doc.id), { as: "fetch", crossOrigin: "anonymous" });
    preload(reviewPageDataUrl(doc.id), { as: "fetch", crossOrigin: "anonymous" });
    const [labels, grades, { layers }, guidelines, docLabels, stances] = await Promise.all([
      listLabels({ projectId: doc.projectId }),
      loadReviewGrades({ actor, documentId: id }),
      listAnnotatorLayers(doc, actor),
      projectGuidelines({ projectId: doc.projectId }),
      loadReviewDocLabels({ actor, documentId: id }),
      reviewStancesAndLinks(doc, actor),
    ]);
    return { doc, labels, grades, layers, guidelines, docLabels, stances };
  });
  return (
    <ReviewWorkbench
      document={{ id: doc.id, title: doc.title, outlet: doc.outlet, byline: doc.byline, publishedAt: doc.publishedAt }}
      labels={labels}
      openElsewhere={openStancesAndLinks(stances)}
      extraAside={
        <>
          <GuidelinesPanel guidelines={guidelines} />
          <ReviewDocLabelsPanel data={docLabels} />
          <DiscussionPanel />
          <ReviewStancesPanel data={stances} />
          <ReviewGradesPanel outlet={grades.outlet} layers={layers.map((l) => ({ id: l.id, name: l.name }))} byLayer={grades.byLayer} gold={grades.gold} />
        </>
      }
      links={
        <nav className="doc-links" aria-label="Document">
          <Link href="/review">Queue</Link>
          <Link href={`/documents/${doc.id}/history`}>History</Link>
        </nav>
      }
    />
  );
}
