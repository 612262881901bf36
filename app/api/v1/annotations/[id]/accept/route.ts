import { apiRoute } from "@/lib/api/route";
import { acceptAnnotation } from "@/lib/review/adjudicate";

/** Reviewer: copy this annotator span into the document's gold layer. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => acceptAnnotation({ actor, annotationId: params.id }));
