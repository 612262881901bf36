/** Inter-annotator agreement: pure statistics, no database or React. */
export { cohenKappa, ContingencyTable } from "./cohen-kappa";
export { krippendorffAlpha, krippendorffAlphaDetail, alphaOf, type AlphaResult } from "./krippendorff-alpha";
export { CoincidenceMatrix } from "./coincidence-matrix";
export { LEVELS, type Level } from "./levels";
export type { Category, Observation } from "./observation";
export { spanF1, spanScores, addSpanCounts, type Span, type SpanMatch, type SpanCounts, type SpanScores, type SpanF1Result } from "./span-f1";
export { documentWords, labelUnits, anyLabelUnits, wordLabels, coveredWords, OUTSIDE, type LabeledSpan, type CoderLayer } from "./token-units";
export { AgreementTally, type AgreementFigures } from "./agreement-tally";
