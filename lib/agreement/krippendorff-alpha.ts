/**
 * Krippendorff's alpha by the coincidence-matrix method of Krippendorff
 * (2011), "Computing Krippendorff's Alpha-Reliability":
 *
 *   α = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
 *
 * Undefined cases give NaN, never a made-up number:
 * - no unit has two values (nothing is pairable), or
 * - the pairable values show no variation (every coder chose the same single
 *   value everywhere): expected disagreement is 0 and α = 1 − 0/0. Agreement
 *   on a constant says nothing about whether coders could tell values apart,
 *   the "invariant values" case in which the chance-corrected coefficients
 *   (Scott's π, Cohen's κ, α) are undefined.
 */
import { CoincidenceMatrix } from "./coincidence-matrix";
import { checkObservation, type Category, type Observation } from "./observation";
import { differenceFunction } from "./difference-functions";
import { assertLevel, type Level } from "./levels";

export type AlphaResult = {
  alpha: number;
  /** units with at least two values: the ones alpha is computed over */
  units: number;
  /** n: the pairable values in those units */
  pairableValues: number;
};

/** Alpha of a coincidence matrix built elsewhere (for data too large to hold as a table). */
export function alphaOf(matrix: CoincidenceMatrix, level: Level): AlphaResult {
  assertLevel(level);
  const marginals = matrix.marginals();
  const n = marginals.reduce((a, b) => a + b, 0);
  const result = { units: matrix.units, pairableValues: n };
  if (n === 0) return { alpha: NaN, ...result };
  const delta = differenceFunction(level, matrix.values, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < marginals.length; c++) {
    for (let k = 0; k < marginals.length; k++) {
      if (c === k) continue; // δ²_cc = 0 at every level
      const d = delta(c, k);
      observed += matrix.get(c, k) * d;
      expected += marginals[c] * marginals[k] * d;
    }
  }
  if (expected === 0) return { alpha: NaN, ...result };
  return { alpha: 1 - ((n - 1) * observed) / expected, ...result };
}

/**
 * Alpha with its counts. `data` holds one array per coder, each with one
 * value per unit (null = the coder gave that unit no value).
 */
export function krippendorffAlphaDetail(data: readonly (readonly Observation[])[], level: Level): AlphaResult {
  assertLevel(level);
  const units = data.length ? data[0].length : 0;
  data.forEach((coder, i) => {
    if (coder.length !== units) {
      throw new Error(`Every coder needs one value per unit: coder 0 has ${units} values, coder ${i} has ${coder.length}`);
    }
  });
  for (const coder of data) for (const v of coder) checkObservation(v);
  const matrix = new CoincidenceMatrix<Category>();
  for (let u = 0; u < units; u++) matrix.addUnit(data.map((coder) => coder[u]));
  return alphaOf(matrix, level);
}

/** Krippendorff's alpha of coders × units data at a level of measurement; NaN where alpha is undefined. */
export function krippendorffAlpha(data: readonly (readonly Observation[])[], level: Level): number {
  return krippendorffAlphaDetail(data, level).alpha;
}
