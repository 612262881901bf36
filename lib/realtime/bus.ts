/**
 * The channel live events travel on. One process (SQLite, the embedded
 * default) needs nothing more than an in-process emitter; several instances
 * on one PostgreSQL database use LISTEN/NOTIFY (lib/realtime/pg-bus.ts).
 */
import { EventEmitter } from "node:events";
import { databaseUrl } from "@/lib/db/url";
import { providerOf } from "@/lib/db/providers";
import type { BusMessage } from "./events";
import { PgBus } from "./pg-bus";

export type Listener = (msg: BusMessage) => void;

export interface Bus {
  /** Sends a message to every subscriber of every instance, this one included. */
  publish(msg: BusMessage): Promise<void>;
  subscribe(listener: Listener): () => void;
  /** Called after the bus had to reconnect: messages sent in between were missed. */
  onReconnect(listener: () => void): () => void;
  /** Resolves once subscribers receive what is published from now on. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Delivers within this process, after the publisher's turn, as a copy (as the PostgreSQL channel would). */
export class MemoryBus implements Bus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(msg: BusMessage): Promise<void> {
    const copy = JSON.parse(JSON.stringify(msg)) as BusMessage;
    queueMicrotask(() => this.emitter.emit("message", copy));
  }

  subscribe(listener: Listener): () => void {
    const safe = (msg: BusMessage) => {
      try {
        listener(msg);
      } catch (err) {
        console.error("[realtime] subscriber failed", err);
      }
    };
    this.emitter.on("message", safe);
    return () => this.emitter.off("message", safe);
  }

  onReconnect(): () => void {
    return () => undefined; // never disconnects
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

export function createBus(url = databaseUrl()): Bus {
  return providerOf(url) === "sqlite" ? new MemoryBus() : new PgBus(url);
}
