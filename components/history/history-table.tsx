/** Audit events as a dense table: what changed is shown as field: before → after. */
import type { HistoryEvent } from "@/lib/audit/document-history";

type Fields = Record<string, unknown>;
const show = (v: unknown) => (v === null || v === undefined ? "∅" : v === "" ? "(empty)" : typeof v === "string" ? v : JSON.stringify(v));

function changes(before: unknown, after: unknown): { field: string; from?: string; to?: string }[] {
  const b = (before ?? {}) as Fields;
  const a = (after ?? {}) as Fields;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]) || before === null || after === null)
    .map((k) => ({ field: k, from: before === null ? undefined : show(b[k]), to: after === null ? undefined : show(a[k]) }));
}

export function HistoryTable({ events }: { events: HistoryEvent[] }) {
  if (events.length === 0) return <p className="muted">Nothing has happened on this document yet.</p>;
  return (
    <table className="list history" data-testid="history">
      <thead>
        <tr>
          <th>When</th>
          <th>Who</th>
          <th>What</th>
          <th>Change</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td className="nowrap">
              <time dateTime={e.at}>{new Date(e.at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium" })}</time>
            </td>
            <td>{e.actor}</td>
            <td className="nowrap">
              <span className="chip">{e.subject.toLowerCase()}</span> {e.action.toLowerCase().replaceAll("_", " ")}
            </td>
            <td>
              <ul className="changes">
                {changes(e.before, e.after).map((c) => (
                  <li key={c.field}>
                    <span className="muted">{c.field}:</span> {c.from !== undefined && <del>{c.from}</del>} {c.from !== undefined && c.to !== undefined && "→"}{" "}
                    {c.to !== undefined && <ins>{c.to}</ins>}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
