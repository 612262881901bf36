import { getDocument } from "./get-document";
import { listLayerPageSpans } from "@/lib/annotations/list-annotations";
import { otherAnnotatorSpans } from "@/lib/layers/other-layers";
import type { Actor } from "@/lib/auth/actor";
import { clientIdNamespace } from "@/lib/annotations/client-id";

/**
 * What the annotator's page draws besides the text: the own layer (compact
 * PageSpans) and, where the project shows them, other annotators' spans.
 * Fetched by the browser (GET /api/v1/documents/:id/workbench) after the page
 * shell, read in batches, so thousands of spans never hold the server render.
 * `idNamespace` is where the browser makes the ids of the spans it adds.
 */
export async function loadAnnotatePageData(opts: { actor: Actor; documentId: string }) {
  const doc = await getDocument(opts);
  const [own, overlays] = await Promise.all([listLayerPageSpans(opts), otherAnnotatorSpans({ actor: opts.actor, document: doc })]);
  return {
    layerStatus: own.layer?.status ?? "NOT_STARTED",
    annotations: own.annotations,
    overlays,
    idNamespace: clientIdNamespace(opts.actor.id, doc.projectId),
  };
}
export type AnnotatePageData = Awaited<ReturnType<typeof loadAnnotatePageData>>;
