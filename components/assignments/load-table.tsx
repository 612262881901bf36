import type { AnnotatorLoad } from "@/lib/assignments/assignment-overview";
import type { LayerStatus } from "@/lib/domain/enums";

const SEGMENTS: { status: LayerStatus; label: string }[] = [
  { status: "APPROVED", label: "approved" },
  { status: "SUBMITTED", label: "submitted" },
  { status: "IN_PROGRESS", label: "in progress" },
  { status: "REJECTED", label: "rejected" },
  { status: "NOT_STARTED", label: "not started" },
];

/** Seats per person, with a bar scaled to the heaviest load so an imbalance shows at a glance. */
export function LoadTable({ loads }: { loads: AnnotatorLoad[] }) {
  if (loads.length === 0) return <p className="muted">No annotators in this project yet.</p>;
  const max = Math.max(1, ...loads.map((l) => l.seats));
  return (
    <table className="list load-table" data-testid="load-table">
      <thead>
        <tr>
          <th>Annotator</th>
          <th style={{ textAlign: "right" }}>Seats</th>
          <th className="load-bar-cell">Load</th>
          <th style={{ textAlign: "right" }}>Not started</th>
          <th style={{ textAlign: "right" }}>In progress</th>
          <th style={{ textAlign: "right" }}>Submitted</th>
          <th style={{ textAlign: "right" }}>Approved</th>
          <th style={{ textAlign: "right" }}>Sent back</th>
        </tr>
      </thead>
      <tbody>
        {loads.map((l) => (
          <tr key={l.userId}>
            <td>
              {l.name}
              {!l.annotator && <span className="muted small"> · {l.active ? l.role.toLowerCase() : "inactive"}</span>}
            </td>
            <td style={{ textAlign: "right" }}>{l.seats}</td>
            <td className="load-bar-cell">
              <div
                className="load-bar"
                role="img"
                aria-label={`${l.seats} seats: ${SEGMENTS.map((s) => `${l.byStatus[s.status]} ${s.label}`).join(", ")}`}
                style={{ width: `${(l.seats / max) * 100}%` }}
              >
                {SEGMENTS.filter((s) => l.byStatus[s.status] > 0).map((s) => (
                  <span key={s.status} className={`seg ${s.status}`} style={{ flexGrow: l.byStatus[s.status] }} />
                ))}
              </div>
            </td>
            <td style={{ textAlign: "right" }}>{l.byStatus.NOT_STARTED}</td>
            <td style={{ textAlign: "right" }}>{l.byStatus.IN_PROGRESS}</td>
            <td style={{ textAlign: "right" }}>{l.byStatus.SUBMITTED}</td>
            <td style={{ textAlign: "right" }}>{l.byStatus.APPROVED}</td>
            <td style={{ textAlign: "right" }}>{l.byStatus.REJECTED}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
