import Link from "next/link";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { listDocuments } from "@/lib/documents/list-documents";

export const metadata = { title: "Documents" };

const STATUS_TEXT: Record<string, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  SUBMITTED: "Submitted",
  APPROVED: "Approved",
  REJECTED: "Rejected",
};

export default async function DocumentsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requirePageActor();
  const { cursor } = await searchParams;
  const { items, nextCursor } = await listDocuments({ actor, query: { cursor, limit: 50 } });
  return (
    <main className="page">
      <h1>Documents</h1>
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
                  <span className={`status ${d.myStatus}`}>{STATUS_TEXT[d.myStatus] ?? d.myStatus}</span>
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
