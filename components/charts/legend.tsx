/** A visible legend for a chart: a swatch and a name per series. */
export type LegendItem = { key: string; name: string; color: string; hatched?: boolean };

export function ChartLegend({ items, label }: { items: LegendItem[]; label: string }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          <span className={item.hatched ? "swatch hatched" : "swatch"} style={{ "--c": item.color } as React.CSSProperties} aria-hidden="true" />
          {item.name}
        </li>
      ))}
    </ul>
  );
}

/** The frame every chart shares: an SVG image named and described in text for screen readers, and its legend. */
export function ChartFrame(props: {
  id: string;
  title: string;
  describe: string;
  width: number;
  height: number;
  legend: LegendItem[] | null;
  children: React.ReactNode;
}) {
  const { id, title, describe, width, height, legend, children } = props;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{describe}</desc>
        {children}
      </svg>
      {legend && <ChartLegend label={`Legend: ${title}`} items={legend} />}
    </figure>
  );
}
