/**
 * Limits on failed sign-ins and failed API tokens, per account and per
 * address, with rate-limiter-flexible's Prisma store: the counters live in the
 * RateLimiterFlexible table of the app's own database, so every instance on
 * PostgreSQL shares them (and SQLite's one process keeps them across restarts).
 *
 * Before an attempt, a key that has used up its points is refused for as long
 * as its block lasts; each failure consumes a point, and the failure that
 * uses the last one blocks the key for `blockDuration` (so `points` failures
 * are allowed per window, never one more).
 */
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";

type Rule = { points: number; duration: number; blockDuration: number };

/** Failures allowed per window (seconds), and how long a key stays blocked after going over. */
export const ATTEMPT_RULES = {
  /** keyed by the normalised email, whether or not an account has it (no enumeration by lockout) */
  signInAccount: { points: 10, duration: 15 * 60, blockDuration: 15 * 60 },
  signInAddress: { points: 50, duration: 60 * 60, blockDuration: 60 * 60 },
  /** failures with a token that names an account (revoked, or its user deactivated) */
  tokenAccount: { points: 20, duration: 15 * 60, blockDuration: 15 * 60 },
  /** every token failure: unknown, malformed, revoked */
  tokenAddress: { points: 30, duration: 15 * 60, blockDuration: 15 * 60 },
} satisfies Record<string, Rule>;

export type AttemptKind = keyof typeof ATTEMPT_RULES;

const limiters = new Map<AttemptKind, RateLimiterPrisma>();

function limiter(kind: AttemptKind): RateLimiterPrisma {
  let l = limiters.get(kind);
  if (!l) {
    // tableName is the Prisma client's property for the model
    const { points, duration } = ATTEMPT_RULES[kind];
    l = new RateLimiterPrisma({ storeClient: db, tableName: "rateLimiterFlexible", keyPrefix: kind, points, duration });
    limiters.set(kind, l);
  }
  return l;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Seconds until `key` may try again, or null when it may try now. */
export async function blockedFor(kind: AttemptKind, key: string): Promise<number | null> {
  const res = await limiter(kind).get(key);
  return res && res.consumedPoints >= ATTEMPT_RULES[kind].points ? seconds(res.msBeforeNext) : null;
}

/** The longest wait over several keys, or null when none is blocked. */
export async function longestBlock(keys: [AttemptKind, string][]): Promise<number | null> {
  const waits = (await Promise.all(keys.map(([kind, key]) => blockedFor(kind, key)))).filter((w): w is number => w !== null);
  return waits.length ? Math.max(...waits) : null;
}

async function consumeOne(kind: AttemptKind, key: string): Promise<number | null> {
  const { points, blockDuration } = ATTEMPT_RULES[kind];
  try {
    const res = await limiter(kind).consume(key);
    if (res.consumedPoints < points) return null;
    await limiter(kind).block(key, blockDuration);
    return blockDuration;
  } catch (rejected) {
    // already over (another instance blocked it meanwhile)
    if (rejected instanceof RateLimiterRes) return seconds(rejected.msBeforeNext);
    throw rejected;
  }
}

/** Counts one failure against each key; returns the wait when one of them is now blocked. */
export async function recordFailure(keys: [AttemptKind, string][]): Promise<number | null> {
  const waits = await Promise.all(keys.map(([kind, key]) => consumeOne(kind, key)));
  const over = waits.filter((w): w is number => w !== null);
  return over.length ? Math.max(...over) : null;
}

/** Forgets the failures of a key (an account after a successful sign-in). */
export async function clearFailures(kind: AttemptKind, key: string): Promise<void> {
  await limiter(kind).delete(key);
}
