import { StackedBarChart, type StackSeries } from "@/components/charts/stacked-bar-chart";
import type { LayerStatus } from "@/lib/domain/enums";
import type { ProjectAgreement } from "@/lib/agreement/project-agreement";
import { plural } from "./format";

/** Status order in the bars: finished work first. Colours follow the .status pills. */
const STATUS_SERIES: (StackSeries & { key: LayerStatus })[] = [
  { key: "APPROVED", name: "Approved", color: "#067647" },
  { key: "SUBMITTED", name: "Submitted", color: "#1d4ed8" },
  { key: "IN_PROGRESS", name: "In progress", color: "#f0a43a", textColor: "#1c1d21" },
  { key: "REJECTED", name: "Sent back", color: "#b42318" },
  { key: "NOT_STARTED", name: "Not started", color: "#d0d3d9", textColor: "#1c1d21" },
];

export function ProgressSection({ annotators }: { annotators: ProjectAgreement["annotators"] }) {
  return (
    <section aria-labelledby="progress-heading" className="dash-section">
      <h2 id="progress-heading">Progress per annotator</h2>
      {annotators.length === 0 ? (
        <p className="muted">No annotators in this project yet.</p>
      ) : (
        <StackedBarChart
          id="progress"
          title="Layers per annotator by status"
          series={STATUS_SERIES}
          rows={annotators.map((a) => {
            const done = STATUS_SERIES.flatMap((s) => (a.layers[s.key] > 0 ? [`${a.layers[s.key]} ${s.name.toLowerCase()}`] : []));
            return {
              key: a.id,
              label: a.name,
              values: STATUS_SERIES.map((s) => a.layers[s.key]),
              note: `${done.length ? done.join(", ") : "no layers"} · ${plural(a.spans, "span")}`,
            };
          })}
        />
      )}
    </section>
  );
}
