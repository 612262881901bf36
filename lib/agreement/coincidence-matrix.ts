/**
 * Krippendorff's coincidence matrix, built one unit at a time so that large
 * reliability data never has to sit in memory as a coders × units table.
 * A unit with m ≥ 2 values adds 1/(m−1) for every ordered pair of its values
 * taken from different coders; units with fewer than two values are not
 * pairable and are left out (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability", section C).
 */

import { isMissing, type Category, type Observation } from "./observation";

export class CoincidenceMatrix<V extends Category = Category> {
  /** the distinct pairable values, in the order first seen */
  readonly values: V[] = [];
  private readonly indexOf = new Map<V, number>();
  private readonly cells: number[][] = [];
  /** pairable units added so far */
  units = 0;

  /** Adds one unit given every coder's observation of it (missing ones as null). */
  addUnit(observations: readonly Observation<V>[]): void {
    const counts = new Map<V, number>();
    for (const v of observations) if (!isMissing(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
    this.addUnitCounts(counts);
  }

  /**
   * Adds `times` identical units, each given as how many coders chose each
   * value (so a unit where 3 of 4 coders said 1 is `{1 → 3, 0 → 1}`).
   */
  addUnitCounts(counts: ReadonlyMap<V, number>, times = 1): void {
    let m = 0;
    for (const n of counts.values()) m += n;
    if (m < 2 || times === 0) return;
    const entries = [...counts].filter(([, n]) => n > 0).map(([v, n]) => [this.slot(v), n] as const);
    const w = times / (m - 1);
    for (const [c, nc] of entries) {
      for (const [k, nk] of entries) this.cells[c][k] += w * (c === k ? nc * (nc - 1) : nc * nk);
    }
    this.units += times;
  }

  /** o_ck: the coincidences of values c and k (indices into `values`). */
  get(c: number, k: number): number {
    return this.cells[c][k];
  }

  /** n_c: how many pairable values equal values[c] (row sums). */
  marginals(): number[] {
    return this.cells.map((row) => row.reduce((a, b) => a + b, 0));
  }

  /** n: all pairable values. */
  total(): number {
    return this.marginals().reduce((a, b) => a + b, 0);
  }

  private slot(v: V): number {
    const known = this.indexOf.get(v);
    if (known !== undefined) return known;
    const i = this.values.length;
    this.values.push(v);
    this.indexOf.set(v, i);
    for (const row of this.cells) row.push(0);
    this.cells.push(new Array<number>(i + 1).fill(0));
    return i;
  }
}
