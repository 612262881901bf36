/** How long to wait before another attempt at a request that failed. */

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 30_000;
/** An endpoint asking for a longer wait than this is not waited for: the job fails and says so. */
export const MAX_RETRY_AFTER_MS = 120_000;

/**
 * Exponential backoff with jitter: after the n-th failure (0-based) a wait
 * drawn from the upper half of min(max, base·2ⁿ), so concurrent jobs that
 * failed together do not come back together.
 */
export function backoffMs(failures: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** failures);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After (delay-seconds or an HTTP date) in milliseconds, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, wallNowMs: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - wallNowMs);
}
