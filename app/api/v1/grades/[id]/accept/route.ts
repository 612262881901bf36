import { apiRoute } from "@/lib/api/route";
import { acceptGrade } from "@/lib/grades/review-grades";

/** Reviewer: copy this annotator's grade (and its cited-source span) into the gold layer. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => acceptGrade({ actor, gradeId: params.id }));
