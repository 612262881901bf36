import { describe, expect, it } from "vitest";
import { systemClock } from "./clock";
import { EndpointLimiters, processLimiters } from "./rate-limit";

/** Virtual time that sleeping moves on; records when each acquire returned. */
function clock() {
  const c = {
    t: 0,
    now: () => c.t,
    async sleep(ms: number, signal?: AbortSignal) {
      signal?.throwIfAborted();
      c.t += ms;
    },
  };
  return c;
}

describe("EndpointLimiters", () => {
  it("spaces the requests to one endpoint evenly and keeps endpoints apart", async () => {
    const c = clock();
    const l = new EndpointLimiters();
    const times: [string, number][] = [];
    const go = async (endpoint: string) => {
      await l.acquire(endpoint, 30, c);
      times.push([endpoint, c.now()]);
    };
    await go("a");
    await go("b");
    await go("a");
    await go("a");
    expect(times).toEqual([
      ["a", 0],
      ["b", 0],
      ["a", 2000],
      ["a", 4000],
    ]);
    c.t = 60_000; // idle: no debt carried over
    await go("a");
    expect(times.at(-1)).toEqual(["a", 60_000]);
  });

  it("gives up waiting when the signal aborts", async () => {
    const l = new EndpointLimiters();
    await l.acquire("x", 1, systemClock);
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(new Error("cancelled")), 20);
    const started = performance.now();
    await expect(l.acquire("x", 1, systemClock, ctl.signal)).rejects.toThrow("cancelled");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("is one per process", () => {
    expect(processLimiters()).toBe(processLimiters());
  });
});
