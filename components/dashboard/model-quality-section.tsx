import { BarChart } from "@/components/charts/bar-chart";
import type { ProjectAgreement } from "@/lib/agreement/project-agreement";
import { formatStat } from "./format";

/** Each model's suggestions against approved gold: precision and recall per label, as a chart and a table. */
export function ModelQualitySection({ models }: { models: ProjectAgreement["models"] }) {
  return (
    <section aria-labelledby="models-heading" className="dash-section">
      <h2 id="models-heading">Models against gold</h2>
      {models.length === 0 ? (
        <p className="muted" data-testid="models-empty">
          No model has suggested spans on an approved document yet. Pre-annotate from the project&rsquo;s Pre-annotation page; the figures follow approvals.
        </p>
      ) : (
        <>
          <p className="muted small">
            Suggested spans against the gold layer of approved documents the model ran on, exact match (same offsets and label). Precision: the share of its
            suggestions that are in gold; recall: the share of gold it found.
          </p>
          {models.map((m) => {
            const rows = [m.overall, ...m.labels];
            return (
              <div key={m.origin} className="model-quality" data-testid="model-quality">
                <h3>{m.origin}</h3>
                <BarChart
                  id={`model-${m.origin.replace(/[^\w-]/g, "-")}`}
                  title={`Precision and recall of ${m.origin} per label`}
                  series={[
                    { key: "precision", name: "precision", color: "#1d4ed8" },
                    { key: "recall", name: "recall", color: "#b45309", hatched: true },
                  ]}
                  domain={[0, 1]}
                  format={formatStat}
                  rows={rows.map((r) => ({
                    key: r.label,
                    label: r.label,
                    values: [r.precision, r.recall],
                    note: `${r.matched}/${r.candidate} suggested, ${r.reference} in gold`,
                  }))}
                />
                <table className="list stats">
                  <caption className="sr-only">{m.origin}: precision, recall and F1 per label</caption>
                  <thead>
                    <tr>
                      <th scope="col">Label</th>
                      <th scope="col">Precision</th>
                      <th scope="col">Recall</th>
                      <th scope="col">F1</th>
                      <th scope="col">Suggested</th>
                      <th scope="col">In gold</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r, i) => (
                      <tr key={r.label} className={i === 0 ? "overall" : undefined}>
                        <th scope="row">{r.label}</th>
                        <td>{formatStat(r.precision)}</td>
                        <td>{formatStat(r.recall)}</td>
                        <td>{formatStat(r.f1)}</td>
                        <td>{r.candidate.toLocaleString("en")}</td>
                        <td>{r.reference.toLocaleString("en")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
