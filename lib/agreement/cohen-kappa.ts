/**
 * Cohen's kappa for two coders (Cohen 1960): κ = (p_o − p_e) / (1 − p_e),
 * where p_e comes from each coder's own marginal distribution.
 *
 * Units where either coder gave no value (null) are left out. Kappa is NaN
 * when undefined: no unit coded by both, or both coders used one and the same
 * category throughout (p_e = 1, so κ = 0/0).
 */
import { checkObservation, isMissing, type Category, type Observation } from "./observation";

/** A two-coder contingency table, filled unit by unit. */
export class ContingencyTable<V extends Category = Category> {
  private readonly cells = new Map<V, Map<V, number>>();
  private readonly rows = new Map<V, number>();
  private readonly cols = new Map<V, number>();
  /** units coded by both */
  total = 0;
  /** units on which the two agree */
  agreed = 0;

  add(a: V, b: V, times = 1): void {
    if (times === 0) return;
    let row = this.cells.get(a);
    if (!row) this.cells.set(a, (row = new Map()));
    row.set(b, (row.get(b) ?? 0) + times);
    this.rows.set(a, (this.rows.get(a) ?? 0) + times);
    this.cols.set(b, (this.cols.get(b) ?? 0) + times);
    this.total += times;
    if (a === b) this.agreed += times;
  }

  count(a: V, b: V): number {
    return this.cells.get(a)?.get(b) ?? 0;
  }

  /** Cohen's kappa of the table, NaN where undefined. */
  kappa(): number {
    const n = this.total;
    if (n === 0) return NaN;
    // In counts: κ = (n·agreed − Σ_c row_c·col_c) / (n² − Σ_c row_c·col_c), exact in integers.
    let chance = 0;
    for (const [v, r] of this.rows) chance += r * (this.cols.get(v) ?? 0);
    const denominator = n * n - chance;
    if (denominator === 0) return NaN;
    return (n * this.agreed - chance) / denominator;
  }
}

/** Cohen's kappa between two coders' labels for the same units, in the same order. */
export function cohenKappa<V extends Category>(a: readonly Observation<V>[], b: readonly Observation<V>[]): number {
  if (a.length !== b.length) {
    throw new Error(`Cohen's kappa needs one label per unit from each coder: got ${a.length} and ${b.length}`);
  }
  const table = new ContingencyTable<V>();
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    checkObservation(x);
    checkObservation(y);
    if (isMissing(x) || isMissing(y)) continue;
    table.add(x, y);
  }
  return table.kappa();
}
