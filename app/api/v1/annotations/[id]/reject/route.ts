import { apiRoute } from "@/lib/api/route";
import { rejectAnnotation } from "@/lib/review/adjudicate";

/** Reviewer: keep this annotator span out of gold. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => rejectAnnotation({ actor, annotationId: params.id }));
