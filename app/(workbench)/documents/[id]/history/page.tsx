import Link from "next/link";
import { notFound as notFoundPage } from "next/navigation";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { documentHistory } from "@/lib/audit/document-history";
import { AppError } from "@/lib/errors";
import { HistoryTable } from "@/components/history/history-table";

export const metadata = { title: "History" };

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requirePageActor("history:view");
  const { id } = await params;
  const { cursor } = await searchParams;
  try {
    const history = await documentHistory({ actor, documentId: id, query: { cursor, limit: 100 } });
    return (
      <main className="page">
        <p>
          <Link href={`/documents/${id}`} className="muted">
            ← {history.title}
          </Link>
        </p>
        <div className="title-row">
          <h1>History</h1>
          <a className="button" href={`/api/v1/documents/${id}/history?format=jsonl`} download>
            Download JSONL
          </a>
        </div>
        <p className="muted small">Every change to annotations, layers and review decisions on this document: who, when, before and after. Newest first.</p>
        <HistoryTable events={history.items} />
        {history.nextCursor && (
          <p>
            <Link className="button" href={`/documents/${id}/history?cursor=${history.nextCursor}`}>
              Older →
            </Link>
          </p>
        )}
      </main>
    );
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFoundPage();
    throw err;
  }
}
