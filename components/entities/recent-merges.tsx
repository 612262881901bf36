"use client";
/** The registry's latest merges (reviewers, admins), each undoable until undone. */
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { fetchJson } from "@/components/api/client";
import type { EntityMergeView } from "@/lib/entities/merge";

export type MergeRow = EntityMergeView;

export function RecentMerges({ projectId, merges }: { projectId: string; merges: MergeRow[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (merges.length === 0) return null;
  const undo = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await fetchJson(`/api/v1/entity-merges/${id}/undo`, { method: "POST" });
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby="recent-merges-heading" className="recent-merges">
      <h2 id="recent-merges-heading">Recent merges</h2>
      <table className="list">
        <thead>
          <tr>
            <th>Merged</th>
            <th>Into</th>
            <th>Moved</th>
            <th>By</th>
            <th>When</th>
            <th>
              <span className="sr-only">Undo</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {merges.map((m) => (
            <tr key={m.id} data-testid="merge-row">
              <td>{m.undoneAt ? <Link href={`/projects/${projectId}/entities/${m.from.id}`}>{m.from.name}</Link> : m.from.name}</td>
              <td>{m.into.name ? <Link href={`/projects/${projectId}/entities/${m.into.id}`}>{m.into.name}</Link> : <span className="muted">(gone)</span>}</td>
              <td>
                {m.moved.mentions} mentions · {m.moved.stances} stances · {m.moved.aliases} aliases
                {m.conflicts.length > 0 && <span className="muted"> · {m.conflicts.length} conflicts</span>}
              </td>
              <td>{m.actor ?? <span className="muted">—</span>}</td>
              <td>
                <time dateTime={m.createdAt}>{m.createdAt.slice(0, 16).replace("T", " ")}</time>
              </td>
              <td>
                {m.undoneAt ? (
                  <span className="muted">undone</span>
                ) : (
                  <button className="button" type="button" disabled={busy !== null} onClick={() => undo(m.id)} aria-label={`Undo merge of ${m.from.name}`}>
                    Undo
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
