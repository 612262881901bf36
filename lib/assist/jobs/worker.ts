/**
 * Runs pre-annotation jobs in the background of a server process. A worker
 * claims the oldest queued job (or a running one whose worker stopped
 * beating: a restart, a crash, another instance that died), works through
 * its documents in order and records progress after each, so a job that is
 * taken over goes on from the document it was on. Writing suggestions is
 * idempotent (suggestion-layer.ts), so a document done twice is harmless.
 * Requests are never held: every document is its own few short transactions
 * and the recognizers give the event loop back as they go.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { jsonInput } from "@/lib/db/json-value";
import { TextIndex } from "@/lib/text/offsets";
import { turn } from "@/lib/agreement/stored/turn";
import { writeSuggestions } from "../suggestion-layer";
import { recognizerFor } from "../recognizers";
import { JobErrors, JobParams, JobResult } from "./job-params";

/** A running job's heartbeat; one older than STALE_MS means its worker is gone. */
const HEARTBEAT_MS = 3_000;
export const STALE_MS = 20_000;
/** How often an idle worker looks for orphaned jobs. */
const IDLE_POLL_MS = 15_000;

const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
let draining: Promise<void> | null = null;
let poller: ReturnType<typeof setInterval> | null = null;

/** Starts working through queued jobs, unless this process is already at it. */
export function ensureJobWorker(): Promise<void> {
  if (!poller && process.env.MARGINALIA_JOB_WORKER !== "manual") {
    poller = setInterval(() => void ensureJobWorker(), IDLE_POLL_MS);
    poller.unref();
  }
  draining ??= drainJobs().finally(() => {
    draining = null;
  });
  return draining;
}

/** Runs jobs until none is left to claim. */
export async function drainJobs(): Promise<void> {
  for (;;) {
    const job = await claimNextJob();
    if (!job) return;
    await runJob(job.id).catch((err: Error) => console.error(`job ${job.id}: ${err.message}`));
  }
}

async function claimNextJob() {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stale = new Date(Date.now() - STALE_MS);
    const job = await db.job.findFirst({
      where: { OR: [{ state: "QUEUED" }, { state: "RUNNING", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: stale } }] }] },
      orderBy: { createdAt: "asc" },
    });
    if (!job) return null;
    // taken only if nobody took it meanwhile: the row must still be as it was read
    const claimed = await db.job.updateMany({
      where: { id: job.id, state: job.state, heartbeatAt: job.heartbeatAt },
      data: { state: "RUNNING", workerId, heartbeatAt: new Date(), startedAt: job.startedAt ?? new Date() },
    });
    if (claimed.count === 1) return job;
  }
  return null;
}

/** Still ours and not cancelled: beats the heart; false when the job was cancelled or taken over. */
async function stillOurs(jobId: string): Promise<boolean> {
  const beat = await db.job.updateMany({ where: { id: jobId, workerId, state: "RUNNING" }, data: { heartbeatAt: new Date() } });
  return beat.count === 1;
}

async function runJob(jobId: string): Promise<void> {
  const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
  const params = JobParams.parse(job.params);
  const result = JobResult.parse(job.result ?? {});
  const errors = JobErrors.parse(job.errors ?? []);
  const finish = (state: "DONE" | "FAILED", extra: object = {}) =>
    db.job.updateMany({ where: { id: jobId, workerId, state: "RUNNING" }, data: { state, finishedAt: new Date(), heartbeatAt: new Date(), ...extra } });

  let recognizer;
  try {
    recognizer = await recognizerFor(job.projectId, params.model);
  } catch (err) {
    errors.push({ documentId: "", message: (err as Error).message });
    await finish("FAILED", { errors: jsonInput(errors) });
    return;
  }
  const labels = await db.label.findMany({ where: { projectId: job.projectId, name: { in: params.labels }, archived: false } });
  const labelIds = new Map(labels.map((l) => [l.name, l.id]));
  const project = await db.project.findUniqueOrThrow({ where: { id: job.projectId }, select: { guidelines: true } });
  const registry = (
    await db.canonicalEntity.findMany({
      where: { projectId: job.projectId },
      select: { id: true, name: true, type: true, aliases: { select: { alias: true } } },
    })
  ).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases.map((a) => a.alias) }));

  const abort = new AbortController();
  const heart = setInterval(() => {
    void stillOurs(jobId).then((ours) => ours || abort.abort(new Error("the job was cancelled or taken over")));
  }, HEARTBEAT_MS);
  heart.unref();
  try {
    for (let i = job.done; i < params.documentIds.length; i++) {
      if (abort.signal.aborted || !(await stillOurs(jobId))) return;
      const documentId = params.documentIds[i];
      try {
        const doc = await db.document.findFirst({ where: { id: documentId, projectId: job.projectId, importing: false }, select: { text: true } });
        if (!doc) throw new Error("the document is gone");
        let refused = 0;
        const proposals = await recognizer.recognize({
          text: doc.text,
          labels: labels.map((l) => ({ name: l.name, description: l.description, kind: l.kind })),
          guidelines: project.guidelines,
          registry,
          signal: abort.signal,
          onStats: (stats) => (refused = stats.refused),
        });
        const index = new TextIndex(doc.text);
        const counts = await writeSuggestions({
          documentId,
          origin: params.origin,
          proposals,
          labelIds,
          slice: (s, e) => index.slice(s, e),
          createdById: job.createdById,
        });
        result.proposed += proposals.length;
        result.added += counts.added;
        result.known += counts.known;
        result.rejected += counts.rejected;
        result.refused += refused;
      } catch (err) {
        if (abort.signal.aborted) return;
        errors.push({ documentId, message: (err as Error).message });
      }
      await db.job.updateMany({
        where: { id: jobId, workerId, state: "RUNNING" },
        data: { done: i + 1, heartbeatAt: new Date(), result: jsonInput(result), errors: jsonInput(errors) },
      });
      await turn();
    }
    const allFailed = params.documentIds.length > 0 && errors.length >= params.documentIds.length;
    await finish(allFailed ? "FAILED" : "DONE");
  } finally {
    clearInterval(heart);
  }
}
