import { notFound as notFoundPage } from "next/navigation";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { getDocument } from "@/lib/documents/get-document";
import { listLayerAnnotations } from "@/lib/annotations/list-annotations";
import { listLabels } from "@/lib/projects/list-labels";
import { AppError } from "@/lib/errors";
import { Workbench } from "@/components/workbench/workbench";

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  try {
    const doc = await getDocument({ actor, documentId: id });
    const [own, labels] = await Promise.all([listLayerAnnotations({ actor, documentId: id }), listLabels({ projectId: doc.projectId })]);
    return (
      <Workbench
        document={{ id: doc.id, title: doc.title, text: doc.text, outlet: doc.outlet, byline: doc.byline, publishedAt: doc.publishedAt }}
        labels={labels}
        initialAnnotations={own.annotations}
        layerStatus={own.layer?.status ?? "NOT_STARTED"}
      />
    );
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFoundPage();
    throw err;
  }
}
