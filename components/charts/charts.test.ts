import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { BarChart } from "./bar-chart";
import { StackedBarChart } from "./stacked-bar-chart";

describe("BarChart", () => {
  const html = renderToStaticMarkup(
    createElement(BarChart, {
      id: "t",
      title: "Alpha per label",
      series: [{ key: "a", name: "α" }],
      domain: [-0.5, 1],
      format: (v: number) => v.toFixed(2),
      rows: [
        { key: "p", label: "PERSON", color: "#2563eb", values: [0.8], note: "n = 9 words, 1 doc" },
        { key: "o", label: "ORG <b>", values: [-0.25] },
        { key: "l", label: "LOC", values: [null] },
      ],
    }),
  );

  it("is an image named by its title and described by its data in text", () => {
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="t-title t-desc"');
    expect(html).toContain('<title id="t-title">Alpha per label</title>');
    expect(html).toContain("PERSON: 0.80 (n = 9 words, 1 doc); ORG &lt;b&gt;: -0.25; LOC: none");
  });

  it("writes each value and note next to its bar, in the row's colour, and a dash where there is none", () => {
    expect(html).toMatch(/fill="#2563eb"/);
    expect(html).toMatch(/>0\.80</);
    expect(html).toMatch(/>n = 9 words, 1 doc</);
    expect(html).toMatch(/>—</);
    expect(html).not.toContain("<b>"); // labels are text, never markup
  });

  it("draws negative values left of a zero line", () => {
    expect(html).toContain('class="chart-axis"');
  });

  it("tells series apart by fill and a legend when there are several", () => {
    const grouped = renderToStaticMarkup(
      createElement(BarChart, {
        id: "g",
        title: "Spans",
        series: [
          { key: "a", name: "Annotators" },
          { key: "g", name: "Gold", hatched: true },
        ],
        rows: [{ key: "p", label: "PERSON", color: "#2563eb", values: [3, 1] }],
      }),
    );
    expect(grouped).toContain('id="g-hatch-0-1"');
    expect(grouped).toContain('fill="url(#g-hatch-0-1)"');
    expect(grouped).toContain('aria-label="Legend: Spans"');
    expect(grouped).toContain("PERSON: Annotators 3, Gold 1");
  });
});

describe("StackedBarChart", () => {
  it("stacks the segments, names them in text and in a legend", () => {
    const html = renderToStaticMarkup(
      createElement(StackedBarChart, {
        id: "s",
        title: "Layers",
        series: [
          { key: "a", name: "Approved", color: "#067647" },
          { key: "i", name: "In progress", color: "#f0a43a" },
        ],
        rows: [
          { key: "u1", label: "Ann", values: [2, 1], note: "3 layers" },
          { key: "u2", label: "Bob", values: [0, 0] },
        ],
      }),
    );
    expect(html).toContain("Ann: 2 approved, 1 in progress (3 layers); Bob: none");
    expect(html).toContain("<title>Approved: 2</title>");
    expect(html.match(/<rect /g)?.length).toBe(2); // Bob has no segments
    expect(html).toContain('aria-label="Legend: Layers"');
  });
});
