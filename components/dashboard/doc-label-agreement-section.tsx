import type { ProjectAgreement } from "@/lib/agreement/project-agreement";
import { formatStat, plural } from "./format";

/** Agreement on document labels, one row per label set: Krippendorff's alpha and mean pairwise Cohen's kappa. */
export function DocLabelAgreementSection({ sets, includeInProgress }: { sets: ProjectAgreement["docLabels"]; includeInProgress: boolean }) {
  if (sets.length === 0) return null;
  return (
    <section aria-labelledby="doc-label-agreement-heading" className="dash-section" data-testid="doc-label-agreement">
      <h2 id="doc-label-agreement-heading">Agreement on document labels</h2>
      <p className="muted small">
        Per label set, over {includeInProgress ? "submitted, approved and in-progress" : "submitted and approved"} layers. A single-choice set is one value per
        document (an annotator who chose nothing is missing); a multiple-choice set is one yes/no per document and choice, on documents where someone chose in
        it.
      </p>
      <table className="list stats">
        <caption className="sr-only">Krippendorff&rsquo;s alpha and Cohen&rsquo;s kappa per document label set</caption>
        <thead>
          <tr>
            <th scope="col">Set</th>
            <th scope="col">α</th>
            <th scope="col">κ (mean of pairs)</th>
            <th scope="col">Documents</th>
            <th scope="col">Pairs</th>
          </tr>
        </thead>
        <tbody>
          {sets.map((s) => (
            <tr key={s.setId}>
              <th scope="row">
                {s.name} <span className="muted small">{s.multiple ? "multiple" : "single"}</span>
              </th>
              <td>{formatStat(s.alpha)}</td>
              <td>{formatStat(s.kappa)}</td>
              <td>{plural(s.documents, "doc")}</td>
              <td>{s.pairs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
