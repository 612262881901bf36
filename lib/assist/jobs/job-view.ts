/** A job as the API and the project page show it. */
import { db } from "@/lib/db";
import { authorize, projectScope } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { JobErrors, JobParams, JobResult } from "./job-params";
import { ensureJobWorker } from "./worker";

type JobRow = Awaited<ReturnType<typeof db.job.findFirstOrThrow>>;

export function jobView(job: JobRow) {
  const params = JobParams.safeParse(job.params);
  const errors = JobErrors.safeParse(job.errors);
  return {
    id: job.id,
    projectId: job.projectId,
    kind: job.kind,
    state: job.state,
    model: params.success ? params.data.model : null,
    origin: params.success ? params.data.origin : null,
    labels: params.success ? params.data.labels : [],
    progress: { done: job.done, total: job.total },
    result: JobResult.parse(job.result ?? {}),
    errors: errors.success ? errors.data.slice(0, 50) : [],
    errorCount: errors.success ? errors.data.length : 0,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
export type JobView = ReturnType<typeof jobView>;

export async function getJob(opts: { actor: Actor; jobId: string }): Promise<JobView> {
  authorize(opts.actor, "assist:run");
  const job = await db.job.findFirst({ where: { id: opts.jobId, project: projectScope(opts.actor) } });
  if (!job) throw notFound("Job");
  // a server that restarted picks its queued and orphaned jobs up again when anyone looks
  if ((job.state === "QUEUED" || job.state === "RUNNING") && process.env.MARGINALIA_JOB_WORKER !== "manual") void ensureJobWorker();
  return jobView(job);
}

/** A project's latest jobs, newest first. */
export async function listJobs(opts: { actor: Actor; projectId: string; limit?: number }): Promise<JobView[]> {
  authorize(opts.actor, "assist:run");
  const project = await db.project.findFirst({
    where: { ...projectScope(opts.actor), OR: [{ id: opts.projectId }, { slug: opts.projectId }] },
    select: { id: true },
  });
  if (!project) throw notFound("Project");
  const jobs = await db.job.findMany({ where: { projectId: project.id }, orderBy: { createdAt: "desc" }, take: opts.limit ?? 10 });
  return jobs.map(jobView);
}

/** Stops a queued or running job after the document it is on. */
export async function cancelJob(opts: { actor: Actor; jobId: string }): Promise<JobView> {
  authorize(opts.actor, "assist:run");
  const job = await db.job.findFirst({ where: { id: opts.jobId, project: projectScope(opts.actor) } });
  if (!job) throw notFound("Job");
  await db.$transaction(async (tx) => {
    const { count } = await tx.job.updateMany({
      where: { id: job.id, state: { in: ["QUEUED", "RUNNING"] } },
      data: { state: "CANCELLED", finishedAt: new Date() },
    });
    if (count === 1) {
      await recordAudit(tx, {
        projectId: job.projectId,
        actorId: opts.actor.id,
        subject: "JOB",
        subjectId: job.id,
        action: "CANCEL",
        before: { state: job.state, done: job.done },
      });
    }
  });
  return jobView(await db.job.findUniqueOrThrow({ where: { id: job.id } }));
}
