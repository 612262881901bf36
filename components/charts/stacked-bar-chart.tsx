/**
 * Horizontal stacked bars, one row per item (e.g. an annotator), one segment
 * per series (e.g. a status), drawn as plain SVG. Bars share one scale, so a
 * longer bar means more. Each segment wide enough shows its count, each row
 * ends with a text summary, and a legend names the colours.
 */
import { ChartFrame } from "./legend";
import { BAR_HEIGHT, CHART_WIDTH, FONT_SIZE, LABEL_WIDTH, ROW_GAP, fitLabel, linearScale } from "./geometry";

export type StackSeries = { key: string; name: string; color: string; textColor?: string };
export type StackRow = { key: string; label: string; values: number[]; note?: string };

const NOTE_WIDTH = 230;
const MIN_TEXT_WIDTH = 18;

export function StackedBarChart(props: { id: string; title: string; series: StackSeries[]; rows: StackRow[] }) {
  const { id, title, series, rows } = props;
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const barLeft = LABEL_WIDTH + 8;
  const x = linearScale([0, max], barLeft, CHART_WIDTH - NOTE_WIDTH);
  const height = rows.length * (BAR_HEIGHT + ROW_GAP) + ROW_GAP;
  const describe = rows
    .map((r) => {
      const parts = r.values.flatMap((v, i) => (v > 0 ? [`${v} ${series[i].name.toLowerCase()}`] : []));
      return `${r.label}: ${parts.length ? parts.join(", ") : "none"}${r.note ? ` (${r.note})` : ""}`;
    })
    .join("; ");

  return (
    <ChartFrame
      id={id}
      title={title}
      describe={describe}
      width={CHART_WIDTH}
      height={height}
      legend={series.map((s) => ({ key: s.key, name: s.name, color: s.color }))}
    >
      {rows.map((row, ri) => {
        const y = ROW_GAP + ri * (BAR_HEIGHT + ROW_GAP);
        let offset = 0;
        return (
          <g key={row.key}>
            <text x={LABEL_WIDTH} y={y + BAR_HEIGHT / 2} dy="0.35em" textAnchor="end" fontSize={FONT_SIZE} className="chart-label">
              {fitLabel(row.label)}
            </text>
            {row.values.map((v, si) => {
              if (v <= 0) return null;
              const left = x(offset);
              offset += v;
              const width = x(offset) - left;
              return (
                <g key={series[si].key}>
                  <rect x={left} y={y} width={width} height={BAR_HEIGHT} fill={series[si].color}>
                    <title>{`${series[si].name}: ${v}`}</title>
                  </rect>
                  {width >= MIN_TEXT_WIDTH && (
                    <text
                      x={left + width / 2}
                      y={y + BAR_HEIGHT / 2}
                      dy="0.35em"
                      textAnchor="middle"
                      fontSize={FONT_SIZE - 1}
                      fill={series[si].textColor ?? "#fff"}
                      aria-hidden="true"
                    >
                      {v}
                    </text>
                  )}
                </g>
              );
            })}
            {row.note && (
              <text x={x(offset) + 6} y={y + BAR_HEIGHT / 2} dy="0.35em" fontSize={FONT_SIZE - 1} className="chart-note">
                {row.note}
              </text>
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}
