/**
 * Live events between app instances through PostgreSQL: NOTIFY on one
 * channel, and one dedicated connection per instance that LISTENs. Every
 * message, this instance's own included, comes back through LISTEN, so all
 * instances behave the same. A dropped connection is re-opened with backoff
 * and subscribers are told (they may have missed messages meanwhile).
 */
import pg from "pg";
import type { BusMessage } from "./events";
import type { Bus, Listener } from "./bus";
import { decodeMessage, encodeMessage } from "./wire";

export const CHANNEL = "marginalia_live";
export const LISTEN_APPLICATION_NAME = "marginalia-live";
const MAX_BACKOFF_MS = 10_000;
const HEALTH_CHECK_MS = 30_000;

export type Notify = (channel: string, payload: string) => Promise<void>;

/** NOTIFY through the app's pooled Prisma client, so publishing works while the listener reconnects. */
const notifyThroughDb: Notify = async (channel, payload) => {
  const { db } = await import("@/lib/db");
  await db.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
};

export class PgBus implements Bus {
  private readonly listeners = new Set<Listener>();
  private readonly reconnectListeners = new Set<() => void>();
  private client: pg.Client | null = null;
  private readonly dead = new WeakSet<pg.Client>();
  private started = false;
  private closed = false;
  private everConnected = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private readyPromise: Promise<void>;
  private resolveReady: () => void = () => undefined;

  constructor(
    private readonly url: string,
    private readonly notify: Notify = notifyThroughDb,
  ) {
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
  }

  async publish(msg: BusMessage): Promise<void> {
    const encoded = encodeMessage(msg);
    if (!encoded) {
      console.error("[realtime] message too large for the channel, dropped", { kind: msg.kind });
      return;
    }
    await this.notify(CHANNEL, encoded.payload);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  ready(): Promise<void> {
    this.start();
    return this.readyPromise;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.healthTimer) clearInterval(this.healthTimer);
    const client = this.client;
    this.client = null;
    if (client) {
      this.dead.add(client);
      await client.end().catch(() => undefined);
    }
  }

  private start() {
    if (this.started || this.closed) return;
    this.started = true;
    void this.connect();
    this.healthTimer = setInterval(() => void this.checkHealth(), HEALTH_CHECK_MS);
    this.healthTimer.unref();
  }

  private async connect() {
    const client = new pg.Client({ connectionString: this.url, application_name: LISTEN_APPLICATION_NAME, keepAlive: true });
    client.on("notification", (n) => {
      if (n.channel === CHANNEL && n.payload !== undefined) this.deliver(n.payload);
    });
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      this.lost(client, err as Error);
      return;
    }
    if (this.closed || this.dead.has(client)) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempt = 0;
    const again = this.everConnected;
    this.everConnected = true;
    this.resolveReady();
    if (again) {
      console.info("[realtime] listening again after a lost connection");
      for (const l of this.reconnectListeners) l();
    }
  }

  private lost(client: pg.Client, err?: Error) {
    if (this.dead.has(client)) return;
    this.dead.add(client);
    if (this.client === client) this.client = null;
    client.end().catch(() => undefined);
    if (this.closed) return;
    const delay = Math.min(250 * 2 ** this.attempt, MAX_BACKOFF_MS) * (0.75 + Math.random() / 2);
    this.attempt++;
    console.warn(`[realtime] listen connection lost (${err?.message ?? "closed"}); reconnecting in ${Math.round(delay)} ms`);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }

  /** A connection can die without an error reaching us (a half-open socket); a small query finds out. */
  private async checkHealth() {
    const client = this.client;
    if (!client) return;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("health check timed out")), 5_000).unref());
    try {
      await Promise.race([client.query("SELECT 1"), timeout]);
    } catch (err) {
      this.lost(client, err as Error);
    }
  }

  private deliver(payload: string) {
    const msg = decodeMessage(payload);
    if (!msg) {
      console.warn("[realtime] ignored a message that is not a live event", payload.slice(0, 200));
      return;
    }
    for (const l of this.listeners) {
      try {
        l(msg);
      } catch (err) {
        console.error("[realtime] subscriber failed", err);
      }
    }
  }
}
