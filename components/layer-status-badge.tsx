import { layerStatusText } from "@/lib/domain/enums";

/** A layer's status as a small coloured badge; the text says it, the colour only helps. */
export function LayerStatusBadge({ status }: { status: string }) {
  return <span className={`status ${status}`}>{layerStatusText(status)}</span>;
}
