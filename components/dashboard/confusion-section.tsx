import type { ProjectAgreement } from "@/lib/agreement/project-agreement";
import { plural } from "./format";

const NONE = "O";
const MOST_CONFUSED = 5;

const nameOf = (value: string) => (value === NONE ? "no label" : value);

/**
 * The label-confusion matrix: for every pair of annotators and every word they
 * share, which label each gave it. Off the diagonal is where they disagreed,
 * shaded by how often, so the pairs worth a guideline note stand out.
 */
export function ConfusionSection({ confusion }: { confusion: ProjectAgreement["agreement"]["confusion"] }) {
  const { values, counts } = confusion;
  const offDiagonal: { a: string; b: string; words: number }[] = [];
  for (let i = 0; i < values.length; i++)
    for (let j = i + 1; j < values.length; j++) if (counts[i][j] > 0) offDiagonal.push({ a: values[i], b: values[j], words: counts[i][j] });
  offDiagonal.sort((x, y) => y.words - x.words || (x.a + x.b < y.a + y.b ? -1 : 1));
  const labelPairs = offDiagonal.filter((p) => p.a !== NONE && p.b !== NONE);
  const darkest = Math.max(1, ...offDiagonal.map((p) => p.words));
  return (
    <section aria-labelledby="confusion-heading" className="dash-section">
      <h2 id="confusion-heading">Which labels are confused</h2>
      {values.length === 0 ? (
        <p className="muted">Nothing to compare yet.</p>
      ) : (
        <>
          <p className="muted small">
            Words on which one annotator of a pair gave the row&rsquo;s label and the other the column&rsquo;s, summed over annotator pairs. The diagonal is
            agreement; the darker a cell off it, the more often the two were mixed up. &ldquo;No label&rdquo;: one marked the word, the other did not.
          </p>
          <p data-testid="confusion-top">
            {labelPairs.length === 0
              ? "No two labels were given to the same words."
              : `Most confused: ${labelPairs
                  .slice(0, MOST_CONFUSED)
                  .map((p) => `${p.a} ↔ ${p.b} (${plural(p.words, "word")})`)
                  .join(", ")}.`}
          </p>
          <div className="confusion-scroll">
            <table className="confusion" data-testid="confusion-matrix">
              <caption className="sr-only">Label-confusion matrix: words per pair of labels given by two annotators</caption>
              <thead>
                <tr>
                  <td />
                  {values.map((v) => (
                    <th key={v} scope="col">
                      {nameOf(v)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {values.map((row, i) => (
                  <tr key={row}>
                    <th scope="row">{nameOf(row)}</th>
                    {values.map((col, j) => {
                      const n = counts[i][j];
                      const agreed = i === j;
                      // at most 70% orange, so the dark number on it keeps a 4.5:1 contrast
                      const shade = agreed || n === 0 ? undefined : { "--shade": `${Math.round(15 + (55 * n) / darkest)}%` };
                      return (
                        <td
                          key={col}
                          className={agreed ? "agreed" : n > 0 ? "confused" : undefined}
                          style={shade as React.CSSProperties | undefined}
                          title={`${nameOf(row)} / ${nameOf(col)}: ${plural(n, "word")}`}
                        >
                          {n === 0 ? "·" : n.toLocaleString("en")}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
