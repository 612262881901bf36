import Link from "next/link";
import { orNotFound } from "@/lib/pages/or-not-found";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { documentHistory } from "@/lib/audit/document-history";
import { HistoryTable } from "@/components/history/history-table";

export const metadata = { title: "History" };

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requirePageActor("history:view");
  const { id } = await params;
  const { cursor } = await searchParams;
  const { history } = await orNotFound(async () => {
    const history = await documentHistory({ actor, documentId: id, query: { cursor, limit: 100 } });
    return { history };
  });
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
}
