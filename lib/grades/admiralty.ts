/**
 * The Admiralty (NATO) grading system as data, and its MISP machine tags
 * (taxonomy "admiralty-scale", github.com/MISP/misp-taxonomies: predicates
 * source-reliability with values a..f and information-credibility with
 * values 1..6).
 */
export const RELIABILITY = [
  { code: "A", meaning: "Completely reliable" },
  { code: "B", meaning: "Usually reliable" },
  { code: "C", meaning: "Fairly reliable" },
  { code: "D", meaning: "Not usually reliable" },
  { code: "E", meaning: "Unreliable" },
  { code: "F", meaning: "Cannot be judged" },
] as const;

export const CREDIBILITY = [
  { code: 1, meaning: "Confirmed by other sources" },
  { code: 2, meaning: "Probably true" },
  { code: 3, meaning: "Possibly true" },
  { code: 4, meaning: "Doubtful" },
  { code: 5, meaning: "Improbable" },
  { code: 6, meaning: "Cannot be judged" },
] as const;

export type Reliability = (typeof RELIABILITY)[number]["code"];
export type Credibility = (typeof CREDIBILITY)[number]["code"];

export const RELIABILITY_CODES = RELIABILITY.map((r) => r.code) as [Reliability, ...Reliability[]];

export const reliabilityMeaning = (code: string) => RELIABILITY.find((r) => r.code === code)?.meaning ?? null;
export const credibilityMeaning = (code: number) => CREDIBILITY.find((c) => c.code === code)?.meaning ?? null;

export const MISP_NAMESPACE = "admiralty-scale";

/** MISP machine tags for a grade: reliability lower-cased, credibility as its digit, values in double quotes. */
export function mispTags(grade: { reliability: string; credibility: number }): string[] {
  const r = grade.reliability.toUpperCase();
  if (!reliabilityMeaning(r)) throw new RangeError(`reliability must be A–F, got ${JSON.stringify(grade.reliability)}`);
  if (!credibilityMeaning(grade.credibility)) throw new RangeError(`credibility must be 1–6, got ${grade.credibility}`);
  return [`${MISP_NAMESPACE}:source-reliability="${r.toLowerCase()}"`, `${MISP_NAMESPACE}:information-credibility="${grade.credibility}"`];
}

export const CORROBORATION_WARNING = "Only syndicated copies of the same wire text corroborate this; credibility 1 needs independent sources";
