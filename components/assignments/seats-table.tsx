import Link from "next/link";
import type { SeatView } from "@/lib/assignments/list-assignments";
import type { FormAction } from "@/lib/actions/form-action";
import { UnassignButton } from "./unassign-button";
import { LayerStatusBadge } from "@/components/layer-status-badge";

type Item = { id: string; title: string; filledSeats: number; seats: SeatView[] };

/** Documents × seats: who holds each seat and how far they are; open seats say so. */
export function SeatsTable({
  projectId,
  items,
  seatsPerDocument,
  unassign,
}: {
  projectId: string;
  items: Item[];
  seatsPerDocument: number;
  /** present when the viewer may unassign */
  unassign?: FormAction;
}) {
  if (items.length === 0) return <p className="muted">No documents in this project yet.</p>;
  const width = Math.max(seatsPerDocument, ...items.map((d) => d.seats.length));
  return (
    <table className="list seats-table" data-testid="seats-table">
      <thead>
        <tr>
          <th>Document</th>
          <th style={{ textAlign: "right" }}>Filled</th>
          {Array.from({ length: width }, (_, i) => (
            <th key={i}>Seat {i + 1}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id}>
            <td className="seat-doc">
              <Link href={`/documents/${d.id}`}>{d.title}</Link>
            </td>
            <td style={{ textAlign: "right" }}>
              {d.filledSeats}/{seatsPerDocument}
            </td>
            {Array.from({ length: width }, (_, i) => {
              const holder = d.seats[i]?.holder;
              if (!holder)
                return (
                  <td key={i} className="seat open">
                    {i < seatsPerDocument ? "open" : ""}
                  </td>
                );
              return (
                <td key={i} className="seat">
                  <span className="seat-name">{holder.name}</span> <LayerStatusBadge status={holder.status} />
                  {unassign && holder.unassignable && (
                    <UnassignButton projectId={projectId} layerId={holder.layerId} label={`Unassign ${holder.name} from ${d.title}`} unassign={unassign} />
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
