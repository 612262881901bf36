/** Latency samples per call kind, and the figures the report shows of them. */

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1; // nearest rank
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export type Summary = { n: number; errors: number; p50: number; p95: number; p99: number; max: number };

export function summarize(samples: number[], errors = 0): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, errors, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.length ? s[s.length - 1] : NaN };
}

/** Timings and failures of calls, by kind ("create", "relabel", …). */
export class Recorder {
  readonly samples = new Map<string, number[]>();
  readonly errors = new Map<string, number>();
  readonly errorExamples: string[] = [];

  ok(kind: string, ms: number) {
    let list = this.samples.get(kind);
    if (!list) this.samples.set(kind, (list = []));
    list.push(ms);
  }

  fail(kind: string, what: string) {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    if (this.errorExamples.length < 5) this.errorExamples.push(`${kind}: ${what.slice(0, 300)}`);
  }

  kinds(): string[] {
    return [...new Set([...this.samples.keys(), ...this.errors.keys()])];
  }

  summary(kind?: string): Summary {
    if (kind) return summarize(this.samples.get(kind) ?? [], this.errors.get(kind) ?? 0);
    return summarize(
      [...this.samples.values()].flat(),
      [...this.errors.values()].reduce((a, b) => a + b, 0),
    );
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));
