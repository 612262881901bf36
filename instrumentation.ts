// Next.js calls register() once when a server process starts: pre-annotation
// jobs that were queued or running when the last process stopped go on here.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { ensureJobWorker } = await import("./lib/assist/jobs/worker");
  ensureJobWorker().catch((err: Error) => console.error(`pre-annotation jobs: ${err.message}`));
}
