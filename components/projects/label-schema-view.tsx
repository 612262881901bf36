import type { SchemaLabel } from "@/lib/projects/label-schema";

/** The label schema, read-only (reviewers). */
export function LabelSchemaView({ labels }: { labels: SchemaLabel[] }) {
  return (
    <table className="list dense labels">
      <thead>
        <tr>
          <th>Name</th>
          <th>Kind</th>
          <th>Hotkey</th>
          <th>Description (guideline)</th>
          <th className="num">Spans</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {labels.map((l) => (
          <tr key={l.id} className={l.archived ? "archived" : undefined}>
            <td className="nowrap">
              <span className="swatch" style={{ background: l.color }} aria-hidden /> {l.name}
            </td>
            <td>{l.kind.replace("_", " ").toLowerCase()}</td>
            <td>{l.hotkey ? <kbd>{l.hotkey}</kbd> : <span className="muted">—</span>}</td>
            <td>{l.description || <span className="muted">—</span>}</td>
            <td className="num">{l.spans}</td>
            <td>{l.archived ? "archived" : "active"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
