import Link from "next/link";
import type { TargetSummary } from "@/lib/stances/stance-summary";
import { POLARITIES, POLARITY_TEXT } from "@/lib/stances/stance-input";
import { PolarityBar } from "./polarity-bar";

/** Per target: the polarity bar and a table of holders × polarity with links to the evidence. */
export function StanceView({ summary }: { summary: TargetSummary[] }) {
  return (
    <div className="stance-view">
      {summary.map((t) => (
        <section key={t.target.id} className="stance-target" aria-labelledby={`target-${t.target.id}`} data-testid="stance-target">
          <header className="stance-target-head">
            <h2 id={`target-${t.target.id}`}>{t.target.text}</h2>
            <span className="muted small">
              {t.total} stance{t.total === 1 ? "" : "s"} · {t.holders.length} holder{t.holders.length === 1 ? "" : "s"}
            </span>
          </header>
          <PolarityBar counts={t.counts} />
          {t.holders.length > 0 && (
            <table className="list dense stance-table">
              <thead>
                <tr>
                  <th scope="col">Holder</th>
                  {POLARITIES.map((p) => (
                    <th key={p} scope="col" className="num">
                      {POLARITY_TEXT[p]}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    Mean confidence
                  </th>
                  <th scope="col">Evidence</th>
                </tr>
              </thead>
              <tbody>
                {t.holders.map((h) => (
                  <tr key={h.holder.id}>
                    <th scope="row">
                      {h.holder.name} <span className="muted small">{h.holder.type}</span>
                    </th>
                    {POLARITIES.map((p) => (
                      <td key={p} className={`num ${h.counts[p] ? p : "zero"}`}>
                        {h.counts[p] || "·"}
                      </td>
                    ))}
                    <td className="num">{h.meanConfidence.toFixed(2)}</td>
                    <td>
                      <ul className="evidence-links">
                        {h.stances.map((s) => (
                          <li key={s.id}>
                            <span className={`polarity-chip ${s.polarity}`}>{POLARITY_TEXT[s.polarity]}</span>{" "}
                            <Link href={`/documents/${s.document.id}`}>{s.document.title}</Link>
                            <span className="muted small">
                              {" "}
                              · {s.layer} · {s.confidence.toFixed(2)}
                            </span>
                            {s.documentLevel && s.evidence.length === 0 && <span className="muted small"> · whole document</span>}
                            {s.evidence.map((e) => (
                              <q key={e.annotationId} className="evidence-text" title={`code points ${e.start}–${e.end}`}>
                                {e.text}
                              </q>
                            ))}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
