import Link from "next/link";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { listDocuments } from "@/lib/documents/list-documents";
import { myQueue } from "@/lib/assignments/my-queue";
import { NextDocumentButton } from "@/components/assignments/next-document-button";
import { nextDocumentAction } from "./actions";
import { MyQueuePanel } from "@/components/assignments/my-queue-panel";
import { LayerStatusBadge } from "@/components/layer-status-badge";

export const metadata = { title: "Documents" };

export default async function DocumentsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requirePageActor();
  const { cursor } = await searchParams;
  const [{ items, nextCursor }, queue] = await Promise.all([listDocuments({ actor, query: { cursor, limit: 50 } }), myQueue({ actor })]);
  // The queue is the annotator's way in; others see it once they hold seats.
  const showQueue = actor.role === "ANNOTATOR" || queue.counts.assigned > 0;
  return (
    <main className="page">
      <div className="docs-head">
        <h1>Documents</h1>
        {showQueue && <NextDocumentButton action={nextDocumentAction} />}
      </div>
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
              <th style={{ textAlign: "right" }}>My spans</th>
              <th>My status</th>
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
                <td style={{ textAlign: "right" }}>{d.myAnnotationCount}</td>
                <td>
                  <LayerStatusBadge status={d.myStatus} />
                </td>
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
