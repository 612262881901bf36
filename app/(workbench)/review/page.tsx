import Link from "next/link";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { reviewQueue } from "@/lib/review/review-queue";

export const metadata = { title: "Review queue" };

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "—");

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<{ state?: string; cursor?: string }> }) {
  const actor = await requirePageActor("review:decide");
  const query = await searchParams;
  const state = query.state === "approved" ? "approved" : "waiting";
  const { items, nextCursor } = await reviewQueue({ actor, query: { state, cursor: query.cursor } });
  return (
    <main className="page">
      <h1>Review</h1>
      <nav className="page-tabs" aria-label="Review queue">
        <Link href="/review" aria-current={state === "waiting" ? "page" : undefined}>
          Waiting for review
        </Link>
        <Link href="/review?state=approved" aria-current={state === "approved" ? "page" : undefined}>
          Approved
        </Link>
      </nav>
      {items.length === 0 ? (
        <p className="muted">
          {state === "waiting" ? "Nothing is waiting: no annotator has submitted a layer that is not reviewed yet." : "No document is approved yet."}
        </p>
      ) : (
        <table className="list" data-testid="review-queue">
          <thead>
            <tr>
              <th>Document</th>
              <th>Project</th>
              <th title="submitted / layers (seats per document)">Layers</th>
              <th>Sent back</th>
              <th style={{ textAlign: "right" }}>Gold spans</th>
              <th>Last submitted</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link href={`/review/${d.id}`}>{d.title}</Link>
                  {d.outlet && <span className="muted"> · {d.outlet}</span>}
                </td>
                <td>{d.project}</td>
                <td>
                  <span className="status SUBMITTED">{d.submitted} submitted</span>{" "}
                  <span className="muted small">
                    of {d.layers} ({d.seats} per document)
                  </span>
                  {d.inProgress > 0 && <span className="muted small"> · {d.inProgress} still working</span>}
                </td>
                <td>{d.rejected > 0 ? <span className="status REJECTED">{d.rejected} awaiting fix</span> : <span className="muted">—</span>}</td>
                <td style={{ textAlign: "right" }}>{d.goldSpans}</td>
                <td>{when(d.lastSubmittedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <p>
          <Link className="button" href={`/review?state=${state}&cursor=${nextCursor}`}>
            Next page →
          </Link>
        </p>
      )}
    </main>
  );
}
