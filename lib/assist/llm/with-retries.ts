/**
 * Runs an attempt until it succeeds, fails for good, or has been retried
 * `maxRetries` times. Only LlmEndpointErrors marked retryable are retried
 * (network, timeout, 429, 5xx, a reply that is not the asked JSON), after the
 * wait the endpoint asked for (Retry-After) or an exponential backoff.
 */
import { backoffMs, MAX_RETRY_AFTER_MS } from "./backoff";
import type { Clock } from "./clock";
import { LlmEndpointError } from "./errors";

export type RetryPolicy = { maxRetries: number; clock: Clock; random: () => number; signal?: AbortSignal };

export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof LlmEndpointError) || !err.retryable) throw err;
      if (failures >= policy.maxRetries) {
        throw policy.maxRetries === 0 ? err : again(err, `${err.message} (gave up after ${failures + 1} attempts)`);
      }
      const wait = err.retryAfterMs ?? backoffMs(failures, policy.random);
      if (wait > MAX_RETRY_AFTER_MS) throw again(err, `${err.message}, and asked to wait ${Math.ceil(wait / 1000)} s; try again later`);
      await policy.clock.sleep(wait, policy.signal);
    }
  }
}

const again = (err: LlmEndpointError, message: string) =>
  new LlmEndpointError(err.failure, message, { status: err.status, retryable: false, retryAfterMs: err.retryAfterMs });
