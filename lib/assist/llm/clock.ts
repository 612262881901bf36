/** Time as the LLM recognizer sees it; tests pass their own so they never wait real seconds. */
import { setTimeout as delay } from "node:timers/promises";

export type Clock = {
  /** milliseconds, only ever compared with each other */
  now(): number;
  /** waits `ms`; rejects with the signal's reason when it is aborted */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

export const systemClock: Clock = {
  now: () => performance.now(),
  async sleep(ms, signal) {
    try {
      await delay(ms, undefined, { signal });
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      throw err;
    }
  },
};
