import { BarChart } from "@/components/charts/bar-chart";
import type { ProjectAgreement } from "@/lib/agreement/project-agreement";

export function DistributionSection({ distribution, includeInProgress }: { distribution: ProjectAgreement["distribution"]; includeInProgress: boolean }) {
  const empty = distribution.every((d) => d.annotators === 0 && d.gold === 0);
  const counted = includeInProgress ? "submitted, approved and in-progress" : "submitted and approved";
  return (
    <section aria-labelledby="distribution-heading" className="dash-section">
      <h2 id="distribution-heading">Label distribution</h2>
      <p className="muted small">Spans per label in {counted} annotator layers, and in the gold layers.</p>
      {empty ? (
        <p className="muted">No spans in {counted} annotator layers or in gold layers yet.</p>
      ) : (
        <BarChart
          id="distribution"
          title="Spans per label: annotators and gold"
          series={[
            { key: "annotators", name: "Annotators" },
            { key: "gold", name: "Gold", hatched: true },
          ]}
          rows={distribution.map((d) => ({ key: d.label, label: d.label, color: d.color, values: [d.annotators, d.gold] }))}
        />
      )}
    </section>
  );
}
