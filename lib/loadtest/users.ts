/**
 * Simulated annotators: each writes only to its own layer, at places of the
 * document no other of its spans takes (its k-th span covers the words
 * k mod n …), so that a doubled write shows as two rows at one place.
 */
import { call, CallError, type Cluster } from "./client";
import type { Ledger } from "./ledger";
import type { Recorder } from "./stats";

export type Account = { id: string; email: string; token: string };
export type Doc = { id: string; wordStarts: number[]; wordEnds: number[] };

export const LABELS = ["PERSON", "ORG", "GPE", "DATE", "LOC", "NORP"];

type AnnotationAnswer = { id: string; version: number; label: string };

export function placeOf(doc: Doc, k: number) {
  const n = doc.wordStarts.length - 4;
  const first = k % n;
  const words = 1 + Math.floor(k / n);
  return { start: doc.wordStarts[first], end: doc.wordEnds[first + words - 1] };
}

const message = (err: unknown) => (err instanceof CallError || err instanceof Error ? err.message : String(err));

/**
 * One annotator's cycle on one document, one call per step:
 * create a span, relabel it, list the layer, delete the span of the previous cycle.
 */
export class CyclingAnnotator {
  private step = 0;
  private made = 0;
  private current: AnnotationAnswer | null = null;
  private previous: AnnotationAnswer | null = null;

  constructor(
    readonly account: Account,
    readonly doc: Doc,
    private readonly cluster: Cluster,
    private readonly ledger: Ledger,
    /** where spans start counting (another run on the same layer uses other places) */
    private readonly firstPlace = 0,
  ) {}

  /** The next call of the cycle; its time goes to `rec` under its kind (create, relabel, list, delete). */
  async next(rec: Recorder | null, scheduledAt = performance.now()): Promise<void> {
    const step = this.step++ % 4;
    const kind = step === 0 ? "create" : step === 1 ? (this.current ? "relabel" : "list") : step === 2 ? "list" : this.previous ? "delete" : "list";
    const origin = this.cluster.pick();
    const token = this.account.token;
    try {
      if (kind === "create") {
        const k = this.firstPlace + this.made++;
        const { start, end } = placeOf(this.doc, k);
        const label = LABELS[k % LABELS.length];
        this.previous = this.current;
        this.current = null;
        const { body } = await call<AnnotationAnswer>(origin, token, "POST", `/api/v1/documents/${this.doc.id}/annotations`, { start, end, label });
        this.ledger.created({ id: body.id, userId: this.account.id, documentId: this.doc.id, start, end, label });
        this.current = body;
      } else if (kind === "relabel") {
        const span = this.current!;
        const label = LABELS[(LABELS.indexOf(span.label) + 1) % LABELS.length];
        this.ledger.sending(span.id, { label });
        const { body } = await call<AnnotationAnswer>(origin, token, "PATCH", `/api/v1/annotations/${span.id}`, { label, version: span.version });
        this.ledger.relabeled(span.id, label);
        this.current = body;
      } else if (kind === "list") {
        await call(origin, token, "GET", `/api/v1/documents/${this.doc.id}/annotations`);
      } else {
        const span = this.previous!;
        this.previous = null;
        this.ledger.sending(span.id, "delete");
        await call(origin, token, "DELETE", `/api/v1/annotations/${span.id}?version=${span.version}`);
        this.ledger.deleted(span.id);
      }
      rec?.ok(kind, performance.now() - scheduledAt);
    } catch (err) {
      rec?.fail(kind, message(err));
    }
  }
}

/**
 * Open loop: every annotator makes one call a second, at its own phase in the
 * second, whether or not the server has answered the others. A call whose
 * predecessor (same annotator) is still running waits for it, and its time
 * counts from when it was due (no coordinated omission).
 */
export async function openLoop(annotators: CyclingAnnotator[], opts: { seconds: number; perSecond?: number; rec: Recorder | null; stop?: () => boolean }) {
  const interval = 1000 / (opts.perSecond ?? 1);
  const t0 = performance.now();
  const end = t0 + opts.seconds * 1000;
  let late = 0;
  let calls = 0;
  await Promise.all(
    annotators.map(async (a, i) => {
      let due = t0 + (interval * i) / annotators.length;
      while (due < end && !opts.stop?.()) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        else if (wait < -100) late++;
        calls++;
        await a.next(opts.rec, due);
        due += interval;
      }
    }),
  );
  return { calls, late, seconds: (performance.now() - t0) / 1000 };
}

/** Closed loop: each writer creates spans as fast as answered until `seconds` have passed or `stop()` says so. */
export async function createFlood(
  writers: Account[],
  doc: Doc,
  opts: { cluster: Cluster; ledger: Ledger; seconds: number; rec: Recorder; firstPlace?: number; stopOnError?: boolean; stop?: () => boolean },
) {
  const t0 = performance.now();
  const end = t0 + opts.seconds * 1000;
  let acknowledged = 0;
  await Promise.all(
    writers.map(async (w) => {
      for (let k = opts.firstPlace ?? 0; performance.now() < end && !opts.stop?.(); k++) {
        const { start, end: stop } = placeOf(doc, k);
        const label = LABELS[k % LABELS.length];
        const t = performance.now();
        try {
          const { body } = await call<AnnotationAnswer>(opts.cluster.pick(), w.token, "POST", `/api/v1/documents/${doc.id}/annotations`, {
            start,
            end: stop,
            label,
          });
          opts.ledger.created({ id: body.id, userId: w.id, documentId: doc.id, start, end: stop, label });
          acknowledged++;
          opts.rec.ok("create", performance.now() - t);
        } catch (err) {
          opts.rec.fail("create", message(err));
          if (opts.stopOnError) return;
        }
      }
    }),
  );
  return { acknowledged, seconds: (performance.now() - t0) / 1000 };
}
