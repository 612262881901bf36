import { apiRoute } from "@/lib/api/route";
import { projectStances } from "@/lib/stances/project-stances";

/** The stance view: per target, holders with polarity counts, mean confidence, and each stance's document and evidence spans (code points). */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => projectStances({ actor, projectId: params.id }));
