/**
 * Krippendorff's difference functions δ²(c, k), one per level of measurement
 * (Krippendorff 2011, section E). Ordinal differences depend on how often each
 * value occurs, so the function is built from the coincidence marginals.
 */
import type { Category } from "./observation";
import type { Level } from "./levels";

/** δ² between values[c] and values[k], by index. */
export type Difference = (c: number, k: number) => number;

export function differenceFunction(level: Level, values: readonly Category[], marginals: readonly number[]): Difference {
  if (level === "nominal") return (c, k) => (c === k ? 0 : 1);
  const numbers = values.map((v) => numeric(v, level));
  if (level === "interval") return (c, k) => (numbers[c] - numbers[k]) ** 2;
  if (level === "ratio") {
    return (c, k) => {
      const sum = numbers[c] + numbers[k];
      return sum === 0 ? 0 : ((numbers[c] - numbers[k]) / sum) ** 2;
    };
  }
  // Ordinal: (Σ_{g=c..k} n_g − (n_c + n_k)/2)², with g running over the ranks
  // between c and k. Cumulative sums over the sorted values give it in O(1).
  const order = numbers.map((_, i) => i).sort((a, b) => numbers[a] - numbers[b]);
  const rank = new Array<number>(numbers.length);
  order.forEach((valueIndex, r) => (rank[valueIndex] = r));
  const cumulative = [0];
  for (const i of order) cumulative.push(cumulative[cumulative.length - 1] + marginals[i]);
  return (c, k) => {
    const [lo, hi] = rank[c] <= rank[k] ? [rank[c], rank[k]] : [rank[k], rank[c]];
    const between = cumulative[hi + 1] - cumulative[lo];
    return (between - (marginals[c] + marginals[k]) / 2) ** 2;
  };
}

function numeric(v: Category, level: Level): number {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new Error(`Krippendorff's alpha at the ${level} level needs finite numbers; got ${JSON.stringify(v)}`);
  }
  if (level === "ratio" && v < 0) throw new Error(`Ratio-level values are never negative; got ${v}`);
  return v;
}
