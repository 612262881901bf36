/** Krippendorff's levels of measurement: which difference function alpha uses. */
export const LEVELS = ["nominal", "ordinal", "interval", "ratio"] as const;
export type Level = (typeof LEVELS)[number];

export function assertLevel(level: unknown): asserts level is Level {
  if (!(LEVELS as readonly unknown[]).includes(level)) {
    throw new Error(`Unknown level of measurement ${JSON.stringify(level)}; use one of ${LEVELS.join(", ")}`);
  }
}
