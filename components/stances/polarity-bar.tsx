import { polarityShares } from "@/lib/stances/stance-summary";
import { POLARITY_TEXT, type Polarity } from "@/lib/stances/stance-input";

/** A stacked bar of polarity counts, described in words for screen readers. */
export function PolarityBar({ counts }: { counts: Record<Polarity, number> }) {
  const shares = polarityShares(counts);
  const words =
    shares
      .filter((s) => s.count > 0)
      .map((s) => `${s.count} ${POLARITY_TEXT[s.polarity]}`)
      .join(", ") || "no stances yet";
  return (
    <div className="polarity-bar" role="img" aria-label={`Polarity: ${words}`}>
      {shares
        .filter((s) => s.count > 0)
        .map((s) => (
          <span key={s.polarity} className={`seg ${s.polarity}`} style={{ width: `${s.percent}%` }} title={`${POLARITY_TEXT[s.polarity]}: ${s.count}`}>
            {s.percent >= 12 ? `${POLARITY_TEXT[s.polarity]} ${s.count}` : ""}
          </span>
        ))}
    </div>
  );
}
