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
