import Link from "next/link";
import { notFound as notFoundPage } from "next/navigation";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { getDocument } from "@/lib/documents/get-document";
import { listLayerPageSpans } from "@/lib/annotations/list-annotations";
import { listLabels } from "@/lib/projects/list-labels";
import { otherAnnotatorSpans } from "@/lib/layers/other-layers";
import { ownLayerFeedback } from "@/lib/review/own-feedback";
import { can } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { Workbench } from "@/components/workbench/workbench";
import { ReviewFeedback } from "@/components/workbench/review-feedback";
import { EntityPanels } from "@/components/entities/entity-panels";
import { SourcePanels } from "@/components/grades/source-panels";
import { listGrades } from "@/lib/grades/grades";
import { AnalystPanels } from "@/components/stances/analyst-panels";
import { holderOptions } from "@/lib/stances/holder-options";
import { listTargets } from "@/lib/stances/targets";

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  try {
    const doc = await getDocument({ actor, documentId: id });
    const [own, labels, others, feedback, grades, holders, targets] = await Promise.all([
      listLayerPageSpans({ actor, documentId: id }),
      listLabels({ projectId: doc.projectId }),
      otherAnnotatorSpans({ actor, document: doc }),
      ownLayerFeedback({ actor, documentId: id }),
      listGrades({ actor, documentId: id }),
      holderOptions({ projectId: doc.projectId }),
      listTargets({ actor, projectId: doc.projectId }),
    ]);
    const status = own.layer?.status ?? "NOT_STARTED";
    return (
      <Workbench
        document={{ id: doc.id, title: doc.title, text: doc.text, outlet: doc.outlet, byline: doc.byline, publishedAt: doc.publishedAt }}
        labels={labels}
        initialAnnotations={own.annotations}
        layerStatus={status}
        overlays={others}
        banner={<ReviewFeedback status={status} feedback={feedback} />}
        aside={
          <>
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
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFoundPage();
    throw err;
  }
}
