import { apiRoute } from "@/lib/api/route";
import { getJob } from "@/lib/assist/jobs/job-view";

/** Admins, reviewers: a job's state and progress (documents done / total, errors). */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => getJob({ actor, jobId: params.id }));
