import Link from "next/link";
import type { MyQueue } from "@/lib/assignments/my-queue";
import { LayerStatusBadge } from "@/components/layer-status-badge";

/** The documents assigned to the actor, rejected ones first and marked, with how far they are. */
export function MyQueuePanel({ queue }: { queue: MyQueue }) {
  const { counts, items } = queue;
  return (
    <section className="card my-queue" aria-labelledby="my-queue-title" data-testid="my-queue">
      <h2 id="my-queue-title">My queue</h2>
      <p className="muted small">
        {counts.assigned} assigned · {counts.done} done
        {counts.rejected > 0 && <strong className="error"> · {counts.rejected} sent back</strong>} · {counts.claimable} open seat
        {counts.claimable === 1 ? "" : "s"} you can take
      </p>
      {items.length === 0 ? (
        <p className="muted">Nothing assigned to you yet. “Next document →” takes an open seat when there is one.</p>
      ) : (
        <ol className="queue-list">
          {items.map((i) => (
            <li key={i.layerId} className={i.status === "REJECTED" ? "rejected" : undefined}>
              <Link href={`/documents/${i.documentId}`}>{i.title}</Link>
              <LayerStatusBadge status={i.status} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
