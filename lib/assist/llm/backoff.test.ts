import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffMs, parseRetryAfter } from "./backoff";

describe("backoff", () => {
  it("doubles, is capped and jittered within the upper half", () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(n, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffMs(20, () => 0.999999)).toBe(BACKOFF_MAX_MS);
    fc.assert(
      fc.property(fc.nat(40), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
        const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** n);
        const w = backoffMs(n, () => r);
        expect(w).toBeGreaterThanOrEqual(ceiling / 2);
        expect(w).toBeLessThanOrEqual(ceiling);
      }),
    );
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
