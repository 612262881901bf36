/** What a coder records for a unit in reliability data. */

/** A value a coder may give a unit. */
export type Category = string | number | boolean;
/** A coder's value for a unit; null (or undefined) means the coder gave none. */
export type Observation<V extends Category = Category> = V | null | undefined;

export const isMissing = (v: unknown): v is null | undefined => v === null || v === undefined;

/** Throws on anything that is not a category or missing (objects, NaN), which would compare wrongly. */
export function checkObservation(v: unknown): asserts v is Observation {
  if (isMissing(v) || typeof v === "string" || typeof v === "boolean") return;
  if (typeof v === "number" && !Number.isNaN(v)) return;
  throw new Error(`Values are strings, numbers or booleans (null for missing); got ${typeof v === "number" ? "NaN" : typeof v}`);
}
