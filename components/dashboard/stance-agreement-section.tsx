import type { ProjectAgreement } from "@/lib/agreement/project-agreement";
import { formatStat, plural } from "./format";

/** Agreement on stances: holder → target → polarity, on the (holder, target) pairs two annotators both stated. */
export function StanceAgreementSection({ stances }: { stances: ProjectAgreement["agreement"]["stances"] }) {
  return (
    <section aria-labelledby="stance-agreement-heading" className="dash-section">
      <h2 id="stance-agreement-heading">Agreement on stances</h2>
      {stances.units === 0 ? (
        <p className="banner" data-testid="stance-agreement-empty">
          No two annotators stated a stance on the same holder and target yet.
        </p>
      ) : (
        <>
          <p className="muted small">
            Units are (holder, target) pairs of a document that both annotators of a pair stated a stance on; the value compared is the polarity (mixed when one
            annotator gave the pair two polarities). Percent agreement is pooled over annotator pairs; Cohen&rsquo;s κ is averaged over them. — means undefined.
          </p>
          <table className="list stats" data-testid="stance-agreement-table">
            <caption className="sr-only">Agreement on stance polarity</caption>
            <thead>
              <tr>
                <th scope="col">Agreement</th>
                <th scope="col">κ Cohen (mean of pairs)</th>
                <th scope="col">Shared pairs</th>
                <th scope="col">Docs</th>
                <th scope="col">Annotator pairs</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{stances.percent === null ? "—" : `${(stances.percent * 100).toFixed(1)}%`}</td>
                <td>{formatStat(stances.kappa)}</td>
                <td title={plural(stances.units, "shared pair")}>{stances.units.toLocaleString("en")}</td>
                <td>{stances.documents.toLocaleString("en")}</td>
                <td>{stances.pairs.toLocaleString("en")}</td>
              </tr>
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
