import Link from "next/link";
import { notFound as notFoundPage } from "next/navigation";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { loadReviewPage } from "@/lib/review/review-page-data";
import { listLabels } from "@/lib/projects/list-labels";
import { AppError } from "@/lib/errors";
import { ReviewWorkbench } from "@/components/review/review-workbench";
import { ReviewGradesPanel } from "@/components/grades/review-grades-panel";
import { loadReviewGrades } from "@/lib/grades/review-grades";

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("review:decide");
  const { id } = await params;
  try {
    const { document: doc, ...review } = await loadReviewPage({ actor, documentId: id });
    const labels = await listLabels({ projectId: doc.projectId });
    const grades = await loadReviewGrades({ actor, documentId: id });
    return (
      <ReviewWorkbench
        document={{ id: doc.id, title: doc.title, text: doc.text, outlet: doc.outlet, byline: doc.byline, publishedAt: doc.publishedAt }}
        labels={labels}
        review={review}
        extraAside={<ReviewGradesPanel outlet={grades.outlet} layers={review.layers.map((l) => ({ id: l.id, name: l.name }))} byLayer={grades.byLayer} gold={grades.gold} />}
        links={
          <nav className="doc-links" aria-label="Document">
            <Link href="/review">Queue</Link>
            <Link href={`/documents/${doc.id}/history`}>History</Link>
          </nav>
        }
      />
    );
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFoundPage();
    throw err;
  }
}
