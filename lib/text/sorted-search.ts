/** Index of the last element <= value in an ascending array (0 when none is). */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number, hi = sorted.length - 1): number {
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many of the ascending `values` are below `limit`. */
export function countBelow(values: ArrayLike<number>, limit: number): number {
  return countBelowBy(values, limit, (v) => v);
}

/** How many of `items`, ascending by `key`, have a key below `limit`: the index of the first one that does not. */
export function countBelowBy<T>(items: ArrayLike<T>, limit: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
