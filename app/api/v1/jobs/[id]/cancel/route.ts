import { apiRoute } from "@/lib/api/route";
import { cancelJob } from "@/lib/assist/jobs/job-view";

/** Admins, reviewers: stop a queued or running job after the document it is on. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => cancelJob({ actor, jobId: params.id }));
