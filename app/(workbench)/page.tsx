import Link from "next/link";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { listDocuments } from "@/lib/documents/list-documents";
import { myQueue } from "@/lib/assignments/my-queue";
import { NextDocumentButton } from "@/components/assignments/next-document-button";
import { nextDocumentAction } from "./actions";
import { MyQueuePanel } from "@/components/assignments/my-queue-panel";
import { LayerStatusBadge } from "@/components/layer-status-badge";
import { can } from "@/lib/authz";
import { waitingReviewCount } from "@/lib/review/review-queue";

export const metadata = { title: "Documents" };

export default async function DocumentsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requirePageActor();
  const { cursor } = await searchParams;
  const reviews = can(actor, "review:decide");
  const [{ items, nextCursor }, queue, waiting] = await Promise.all([
    listDocuments({ actor, query: { cursor, limit: 50 } }),
    myQueue({ actor }),
    reviews ? waitingReviewCount({ actor }) : Promise.resolve(0),
  ]);
  // The queue and one's own layer are the annotator's way in; others see them once they hold seats.
  const showQueue = actor.role === "ANNOTATOR" || queue.counts.assigned > 0;
  return (
    <main className="page">
      <div className="docs-head">
        <h1>Documents</h1>
        {showQueue && <NextDocumentButton action={nextDocumentAction} />}
      </div>
      {reviews && (
        <p className={waiting > 0 ? "banner review-waiting" : "muted"} data-testid="reviews-waiting">
          {waiting > 0 ? (
            <>
              <strong>
                {waiting} document{waiting === 1 ? "" : "s"}
              </strong>{" "}
              wait{waiting === 1 ? "s" : ""} for review. <Link href="/review">Open the review queue →</Link>
            </>
          ) : (
            "No document waits for review."
          )}
        </p>
      )}
      {showQueue && <MyQueuePanel queue={queue} />}
      {items.length === 0 ? (
        <p className="muted">No documents yet. An admin imports them with the CLI or the API.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>Title</th>
              <th>Outlet</th>
              <th>Date</th>
              <th style={{ textAlign: "right" }}>Characters</th>
              {showQueue && <th style={{ textAlign: "right" }}>My spans</th>}
              {showQueue && <th>My status</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link href={`/documents/${d.id}`}>{d.title}</Link>
                </td>
                <td>{d.outlet ?? <span className="muted">—</span>}</td>
                <td>{d.publishedAt ?? <span className="muted">—</span>}</td>
                <td style={{ textAlign: "right" }}>{d.length.toLocaleString("en")}</td>
                {showQueue && <td style={{ textAlign: "right" }}>{d.myAnnotationCount}</td>}
                {showQueue && (
                  <td>
                    <LayerStatusBadge status={d.myStatus} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <p>
          <Link className="button" href={`/?cursor=${nextCursor}`}>
            Next page →
          </Link>
        </p>
      )}
    </main>
  );
}
