/** Shared measures of the hand-written SVG charts (viewBox units; the SVG scales to its container). */
export const CHART_WIDTH = 1000;
export const LABEL_WIDTH = 130;
export const ROW_GAP = 10;
export const BAR_HEIGHT = 16;
export const FONT_SIZE = 12;

/** Cuts a label to fit its column; the full text stays in the accessible description. */
export function fitLabel(text: string, max = 18): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** Maps a value in `domain` to an x position in [x0, x1]. */
export function linearScale(domain: readonly [number, number], x0: number, x1: number) {
  const [d0, d1] = domain;
  const span = d1 - d0 || 1;
  return (v: number) => x0 + ((Math.min(Math.max(v, d0), d1) - d0) / span) * (x1 - x0);
}
