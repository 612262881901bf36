/**
 * Horizontal bar chart, one row per category and one bar per series in the
 * row, drawn as plain SVG. Every bar carries its value as text, and an
 * optional note (e.g. "n = 120 words, 3 docs") follows it, so nothing is told
 * by colour alone. A row may take its own colour (a label's colour); series
 * are then told apart by fill (solid or hatched) and the legend.
 */
import { ChartFrame } from "./legend";
import { BAR_HEIGHT, CHART_WIDTH, FONT_SIZE, LABEL_WIDTH, ROW_GAP, fitLabel, linearScale } from "./geometry";

export type BarSeries = { key: string; name: string; color?: string; hatched?: boolean };
export type BarRow = {
  key: string;
  label: string;
  /** one value per series; null when there is none (shown as "—") */
  values: (number | null)[];
  /** the row's colour, over the series colour */
  color?: string;
  /** text after the values */
  note?: string;
};

const DEFAULT_COLOR = "#4b5563";
const SERIES_GAP = 3;

export function BarChart(props: {
  /** unique on the page: prefixes the SVG's ids */
  id: string;
  title: string;
  series: BarSeries[];
  rows: BarRow[];
  /** value range of the axis; defaults to [min(0, values), max(values)] */
  domain?: [number, number];
  format?: (value: number) => string;
  /** width kept for notes, in viewBox units (0 when no row has one) */
  noteWidth?: number;
  /** shaded ranges of the value axis behind the bars (reference bands), named at their top */
  bands?: { from: number; to: number; name: string; className: string }[];
}) {
  const { id, title, series, rows } = props;
  const format = props.format ?? ((v: number) => v.toLocaleString("en"));
  const values = rows.flatMap((r) => r.values.filter((v): v is number => v !== null));
  const domain = props.domain ?? [Math.min(0, ...values), Math.max(1, ...values)];
  const noteWidth = rows.some((r) => r.note) ? (props.noteWidth ?? 200) : 0;
  const barLeft = LABEL_WIDTH + 8;
  // room after the longest bar for its value (and the series name when there are several)
  const valueWidth = series.length > 1 ? 130 : 60;
  const barRight = CHART_WIDTH - noteWidth - valueWidth;
  const x = linearScale(domain, barLeft, barRight);
  const zero = x(0);
  const rowHeight = series.length * BAR_HEIGHT + (series.length - 1) * SERIES_GAP;
  const height = rows.length * (rowHeight + ROW_GAP) + ROW_GAP;
  const fillOf = (row: BarRow, s: BarSeries, si: number, ri: number) => (s.hatched ? `url(#${id}-hatch-${ri}-${si})` : (row.color ?? s.color ?? DEFAULT_COLOR));
  const describe = rows
    .map(
      (r) =>
        `${r.label}: ${r.values.map((v, i) => `${series.length > 1 ? `${series[i].name} ` : ""}${v === null ? "none" : format(v)}`).join(", ")}${r.note ? ` (${r.note})` : ""}`,
    )
    .join("; ");

  return (
    <ChartFrame
      id={id}
      title={title}
      describe={describe}
      width={CHART_WIDTH}
      height={height}
      legend={series.length > 1 ? series.map((s) => ({ key: s.key, name: s.name, color: s.color ?? DEFAULT_COLOR, hatched: s.hatched })) : null}
    >
      <defs>
        {rows.map((row, ri) =>
          series.map((s, si) =>
            s.hatched ? (
              <pattern key={`${ri}-${si}`} id={`${id}-hatch-${ri}-${si}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill={row.color ?? s.color ?? DEFAULT_COLOR} opacity="0.25" />
                <rect width="3" height="6" fill={row.color ?? s.color ?? DEFAULT_COLOR} />
              </pattern>
            ) : null,
          ),
        )}
      </defs>
      {props.bands?.map((b) => {
        const [from, to] = [Math.max(b.from, domain[0]), Math.min(b.to, domain[1])];
        if (to <= from) return null;
        return (
          <g key={b.name} className={`chart-band ${b.className}`}>
            <rect x={x(from)} y={0} width={x(to) - x(from)} height={height} />
            <title>{b.name}</title>
          </g>
        );
      })}
      {domain[0] < 0 && <line x1={zero} x2={zero} y1={0} y2={height} className="chart-axis" />}
      {rows.map((row, ri) => {
        const top = ROW_GAP + ri * (rowHeight + ROW_GAP);
        return (
          <g key={row.key}>
            <text x={LABEL_WIDTH} y={top + rowHeight / 2} dy="0.35em" textAnchor="end" fontSize={FONT_SIZE} className="chart-label">
              {fitLabel(row.label)}
            </text>
            {row.values.map((v, si) => {
              const y = top + si * (BAR_HEIGHT + SERIES_GAP);
              const end = v === null ? zero : x(v);
              const [left, right] = end < zero ? [end, zero] : [zero, end];
              return (
                <g key={series[si].key}>
                  {v !== null && (
                    <rect x={left} y={y} width={Math.max(right - left, v === 0 ? 0 : 1)} height={BAR_HEIGHT} fill={fillOf(row, series[si], si, ri)} rx="2" />
                  )}
                  <text x={Math.max(right, zero) + 5} y={y + BAR_HEIGHT / 2} dy="0.35em" fontSize={FONT_SIZE} className="chart-value">
                    {series.length > 1 && <tspan className="chart-series-name">{series[si].name.toLowerCase()} </tspan>}
                    {v === null ? "—" : format(v)}
                  </text>
                </g>
              );
            })}
            {row.note && (
              <text x={CHART_WIDTH - noteWidth + 8} y={top + rowHeight / 2} dy="0.35em" fontSize={FONT_SIZE - 1} className="chart-note">
                {row.note}
              </text>
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}
