import { describe, expect, it } from "vitest";
import { DEFAULT_LABELS } from "./default-labels";
import { leastDifference } from "./color-vision";

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

describe("the default label colours", () => {
  it("stay apart for normal vision and for protanopia, deuteranopia and tritanopia (CIEDE2000 ≥ 7 for every pair)", () => {
    const colors = DEFAULT_LABELS.map((l) => l.color);
    expect(new Set(colors).size).toBe(colors.length);
    for (let i = 0; i < colors.length; i++) {
      for (let j = i + 1; j < colors.length; j++) {
        const { deltaE, vision } = leastDifference(colors[i], colors[j]);
        expect(deltaE, `${DEFAULT_LABELS[i].name} ${colors[i]} vs ${DEFAULT_LABELS[j].name} ${colors[j]} (${vision})`).toBeGreaterThanOrEqual(7);
      }
    }
  });

  it("contrast at least 3:1 with the white page (outlines and swatches are non-text graphics, WCAG 1.4.11)", () => {
    for (const l of DEFAULT_LABELS) expect(1.05 / (luminance(l.color) + 0.05), l.name).toBeGreaterThanOrEqual(3);
  });

  it("is measured by a metric that catches the near twins of the old palette", () => {
    expect(leastDifference("#2563eb", "#1d4ed8").deltaE).toBeLessThan(7); // PERSON vs QUOTE, before
    expect(leastDifference("#2563eb", "#7c3aed")).toMatchObject({ vision: "deutan" }); // PERSON vs ORG, before
    expect(leastDifference("#2563eb", "#7c3aed").deltaE).toBeLessThan(2);
    expect(leastDifference("#000000", "#ffffff").deltaE).toBeGreaterThan(90);
  });
});
