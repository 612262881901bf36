/**
 * Saves the annotator's changes in order, one at a time. A change that fails
 * for a passing reason (network, server error) stays queued, is retried with
 * backoff and is kept in localStorage so a closed tab does not drop it; a
 * change the server refuses (4xx) is reported and dropped.
 */
import type { LayerTarget } from "@/lib/layers/layer-for-write";
import type { LocalAnnotation } from "./types";
import { requestJson, type ApiResult } from "@/components/api/client";

export type SaveOp =
  { kind: "create"; annotation: Omit<LocalAnnotation, "version"> } | { kind: "update"; id: string; label: string } | { kind: "delete"; id: string };

export type SaveState =
  | { phase: "saved" }
  | { phase: "saving"; pending: number }
  | { phase: "retrying"; pending: number; message: string; retryAt: number }
  /** Idle, but the server refused a change since the user last acknowledged it: never shown as saved. */
  | { phase: "refused"; refused: number; message: string };

type Callbacks = {
  version: (id: string) => number | undefined;
  saved: (op: SaveOp, body: LocalAnnotation | null) => void;
  refused: (op: SaveOp, message: string, status: number) => void;
  state: (s: SaveState) => void;
};

class Retryable extends Error {}

const storageKey = (documentId: string, target: LayerTarget) => `marginalia:pending:${documentId}${target === "gold" ? ":gold" : ""}`;
const MAX_BACKOFF_MS = 30_000;

export class SaveQueue {
  private ops: SaveOp[] = [];
  private running = false;
  private wake: (() => void) | null = null;
  private refusals: { count: number; message: string } | null = null;

  constructor(
    private readonly documentId: string,
    private readonly target: LayerTarget,
    private readonly cb: Callbacks,
  ) {}

  /** Changes left from an earlier visit whose save never completed. */
  static restore(documentId: string, target: LayerTarget): SaveOp[] {
    try {
      return JSON.parse(localStorage.getItem(storageKey(documentId, target)) ?? "[]") as SaveOp[];
    } catch {
      return [];
    }
  }

  get pending(): number {
    return this.ops.length;
  }

  /** Annotations with a change waiting to be saved or being saved. */
  pendingIds(): Set<string> {
    return new Set(this.ops.map((op) => (op.kind === "create" ? op.annotation.id : op.id)));
  }

  enqueue(op: SaveOp) {
    this.ops.push(op);
    this.persist();
    void this.run();
  }

  /** The user has read that a change was refused: the layer, reloaded from the server, is what is saved. */
  acknowledgeRefusals() {
    this.refusals = null;
    if (!this.running) this.cb.state({ phase: "saved" });
  }

  /** Retry now instead of waiting for the backoff. */
  retryNow() {
    this.wake?.();
  }

  private persist() {
    try {
      if (this.ops.length) localStorage.setItem(storageKey(this.documentId, this.target), JSON.stringify(this.ops));
      else localStorage.removeItem(storageKey(this.documentId, this.target));
    } catch {
      // storage full or disabled: the queue in memory still holds the change
    }
  }

  private async run() {
    if (this.running) return;
    this.running = true;
    let attempt = 0;
    while (this.ops.length) {
      const op = this.ops[0];
      this.cb.state({ phase: "saving", pending: this.ops.length });
      try {
        const result = await this.send(op);
        this.ops.shift();
        this.persist();
        attempt = 0;
        if (result.ok) this.cb.saved(op, result.body);
        else {
          this.refusals = { count: (this.refusals?.count ?? 0) + 1, message: result.message };
          this.cb.refused(op, result.message, result.status);
        }
      } catch (err) {
        attempt++;
        const delay = Math.min(1000 * 2 ** (attempt - 1), MAX_BACKOFF_MS);
        const message = err instanceof Retryable ? err.message : "Cannot reach the server";
        this.cb.state({ phase: "retrying", pending: this.ops.length, message, retryAt: Date.now() + delay });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    }
    this.running = false;
    this.cb.state(this.refusals ? { phase: "refused", refused: this.refusals.count, message: this.refusals.message } : { phase: "saved" });
  }

  private async send(op: SaveOp): Promise<{ ok: true; body: LocalAnnotation | null } | { ok: false; status: number; message: string }> {
    let res: ApiResult<LocalAnnotation | null>;
    if (op.kind === "create") {
      res = await requestJson(`/api/v1/documents/${this.documentId}/annotations?layer=${this.target}`, { method: "POST", body: op.annotation });
    } else if (op.kind === "update") {
      res = await requestJson(`/api/v1/annotations/${op.id}`, { method: "PATCH", body: { label: op.label, version: this.cb.version(op.id) } });
    } else {
      const v = this.cb.version(op.id);
      res = await requestJson(`/api/v1/annotations/${op.id}${v ? `?version=${v}` : ""}`, { method: "DELETE" });
      if (!res.ok && res.status === 404) return { ok: true, body: null }; // already gone
    }
    if (res.ok) return { ok: true, body: res.data };
    if (res.status === 0) throw new Retryable(res.error);
    if (res.status >= 500 || res.status === 408 || res.status === 429) throw new Retryable(`Server answered ${res.status}`);
    if (res.status === 401) throw new Retryable("Your session has ended: sign in again in another tab; changes are kept");
    return { ok: false, status: res.status, message: res.error };
  }
}
