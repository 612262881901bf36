import { apiRoute } from "@/lib/api/route";
import { listJobs } from "@/lib/assist/jobs/job-view";

/** Admins, reviewers: the project's latest jobs, newest first, `{items}`. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ items: await listJobs({ actor, projectId: params.id }), nextCursor: null }));
