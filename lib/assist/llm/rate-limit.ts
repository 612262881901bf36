/**
 * Requests per minute, per endpoint, for the whole process: every recognizer
 * talking to one base URL reserves its slot here, so two jobs on one endpoint
 * share its budget. Slots are spaced evenly (60,000 / rpm ms apart) rather
 * than handed out in bursts, which keeps to per-second limits too.
 */
import type { Clock } from "./clock";

export class EndpointLimiters {
  private nextSlot = new Map<string, number>();

  /** Resolves when a request to `endpoint` may go; rejects with the signal's reason when aborted while waiting. */
  async acquire(endpoint: string, perMinute: number, clock: Clock, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const now = clock.now();
    if (this.nextSlot.size > 100) this.forgetPast(now);
    const slot = Math.max(now, this.nextSlot.get(endpoint) ?? now);
    this.nextSlot.set(endpoint, slot + 60_000 / perMinute);
    if (slot > now) await clock.sleep(slot - now, signal);
  }

  private forgetPast(now: number) {
    for (const [endpoint, next] of this.nextSlot) if (next <= now) this.nextSlot.delete(endpoint);
  }
}

const LIMITERS = Symbol.for("marginalia.assist.llm.limiters");

/** This process's limiters, on globalThis: Next bundles routes separately and reloads modules in development. */
export function processLimiters(): EndpointLimiters {
  const g = globalThis as { [LIMITERS]?: EndpointLimiters };
  return (g[LIMITERS] ??= new EndpointLimiters());
}
