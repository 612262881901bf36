import { BarChart } from "@/components/charts/bar-chart";
import type { ProjectAgreement } from "@/lib/agreement/project-agreement";
import { formatStat, unitsNote } from "./format";

const OVERALL_COLOR = "#374151";

/** Krippendorff's own thresholds for α: data below 0.667 do not support conclusions, 0.8 and above do. */
const ALPHA_BANDS = [
  { from: -1, to: 0.667, name: "α below 0.667: not reliable", className: "band-low" },
  { from: 0.667, to: 0.8, name: "α 0.667 to 0.8: tentative conclusions only", className: "band-mid" },
  { from: 0.8, to: 1, name: "α 0.8 and above: reliable", className: "band-high" },
];

export function AgreementSection({ agreement, includeInProgress }: { agreement: ProjectAgreement["agreement"]; includeInProgress: boolean }) {
  const { overall, labels } = agreement;
  const rows = [{ label: "All labels", color: OVERALL_COLOR, ...overall }, ...labels];
  return (
    <section aria-labelledby="agreement-heading" className="dash-section">
      <h2 id="agreement-heading">Agreement per label</h2>
      {overall.documents === 0 ? (
        <p className="banner" data-testid="agreement-empty">
          {includeInProgress ? "No layers to compare yet" : "No submitted layers yet"} — agreement needs at least two annotators on a document.
        </p>
      ) : (
        <>
          <p className="muted small">
            Units are words. Krippendorff&rsquo;s α (nominal) over all annotators, missing where an annotator has no layer; Cohen&rsquo;s κ and span F1 averaged
            over annotator pairs. &ldquo;All labels&rdquo; compares the label on each word (or none). — means undefined: nobody used the label, so there is no
            variation to agree on.
          </p>
          <BarChart
            id="agreement"
            title="Krippendorff's alpha per label"
            series={[{ key: "alpha", name: "α" }]}
            domain={[Math.min(0, ...rows.map((r) => r.alpha ?? 0)), 1]}
            format={formatStat}
            rows={rows.map((r) => ({ key: r.label, label: r.label, color: r.color, values: [r.alpha], note: unitsNote(r.units, r.documents) }))}
            bands={ALPHA_BANDS}
          />
          <p className="muted small band-key" data-testid="agreement-bands">
            Reference bands (Krippendorff): <span className="band-key-item band-low">below 0.667: not reliable</span>{" "}
            <span className="band-key-item band-mid">0.667–0.8: tentative conclusions only</span>{" "}
            <span className="band-key-item band-high">0.8 and above: reliable</span>
          </p>
          <table className="list stats" data-testid="agreement-table">
            <caption className="sr-only">Agreement figures per label</caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">α Krippendorff</th>
                <th scope="col">κ Cohen (mean of pairs)</th>
                <th scope="col">F1 exact</th>
                <th scope="col">F1 overlap</th>
                <th scope="col">Words</th>
                <th scope="col">Docs</th>
                <th scope="col">Pairs</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.label} className={i === 0 ? "overall" : undefined}>
                  <th scope="row">
                    <span className="chip" style={{ borderLeftColor: r.color }}>
                      {r.label}
                    </span>
                  </th>
                  <td>{formatStat(r.alpha)}</td>
                  <td>{formatStat(r.kappa)}</td>
                  <td>{formatStat(r.f1Exact)}</td>
                  <td>{formatStat(r.f1Overlap)}</td>
                  <td>{r.units.toLocaleString("en")}</td>
                  <td>{r.documents.toLocaleString("en")}</td>
                  <td>{r.pairs.toLocaleString("en")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
