"use client";
/** A project's pre-annotation jobs with live progress: running ones are asked for their state every second until they end. */
import { useEffect, useState } from "react";
import { fetchJson } from "@/components/api/client";
import type { JobView } from "@/lib/assist/jobs/job-view";

const POLL_MS = 1000;
const STATE_TEXT: Record<string, string> = { QUEUED: "Queued", RUNNING: "Running", DONE: "Done", FAILED: "Failed", CANCELLED: "Cancelled" };
const live = (j: JobView) => j.state === "QUEUED" || j.state === "RUNNING";

export function JobList({ jobs: initial }: { jobs: JobView[] }) {
  const [jobs, setJobs] = useState(initial);
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    // a new job from the form: the page's list is the truth again
    setSeen(initial);
    setJobs(initial);
  }
  const running = jobs.filter(live).map((j) => j.id);
  const key = running.join(",");
  useEffect(() => {
    if (!key) return;
    const timer = setInterval(async () => {
      const fresh = await Promise.all(key.split(",").map((id) => fetchJson<JobView>(`/api/v1/jobs/${id}`).catch(() => null)));
      setJobs((list) => list.map((j) => fresh.find((f) => f?.id === j.id) ?? j));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [key]);

  if (jobs.length === 0) return <p className="muted">No pre-annotation has run on this project yet.</p>;
  return (
    <ul className="job-list" data-testid="jobs">
      {jobs.map((j) => {
        const share = j.progress.total ? j.progress.done / j.progress.total : 0;
        return (
          <li key={j.id} className={`job job-${j.state.toLowerCase()}`} data-testid="job">
            <div className="job-head">
              <strong>{j.model === "builtin" ? "Built-in recognizer" : j.model}</strong> <span className="muted small">{j.origin}</span>
              <span className={`status job-state`}>{STATE_TEXT[j.state] ?? j.state}</span>
            </div>
            <div className="job-progress">
              <progress
                max={Math.max(1, j.progress.total)}
                value={j.progress.done}
                aria-label={`Documents done by ${j.model}`}
                aria-valuetext={`${j.progress.done} of ${j.progress.total} documents`}
              />
              <span className="small" data-testid="job-progress">
                {j.progress.done.toLocaleString("en")} / {j.progress.total.toLocaleString("en")} documents ({Math.round(share * 100)}%)
              </span>
            </div>
            <p className="small muted">
              {j.result.added.toLocaleString("en")} new suggestion{j.result.added === 1 ? "" : "s"}
              {j.result.known > 0 && ` · ${j.result.known.toLocaleString("en")} already there`}
              {j.result.rejected > 0 && ` · ${j.result.rejected.toLocaleString("en")} rejected before, not proposed again`}
              {j.result.refused > 0 && ` · ${j.result.refused.toLocaleString("en")} refused (did not match the text)`} · labels {j.labels.join(", ")}
            </p>
            {j.errorCount > 0 && (
              <details className="small error">
                <summary>
                  {j.errorCount} document{j.errorCount === 1 ? "" : "s"} failed
                </summary>
                <ul>
                  {j.errors.map((e, i) => (
                    <li key={i}>
                      {e.documentId ? <code>{e.documentId}</code> : null} {e.message}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
