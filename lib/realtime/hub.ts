/**
 * This instance's side of live collaboration: the open document streams,
 * fan-out of bus messages to them (each filtered by the visibility rule in
 * lib/authz.ts), and presence shared with the other instances.
 */
import { randomUUID } from "node:crypto";
import { canSeeLayerEvent, canSeeThread } from "@/lib/authz";
import type { Role } from "@/lib/domain/enums";
import type { Bus } from "./bus";
import { createBus } from "./bus";
import type { BusMessage, DeliveredDocumentEvent, PresenceEvent, ThreadChanged, Viewer } from "./events";
import { PRESENCE_HEARTBEAT_MS, PRESENCE_TTL_MS, RemotePresence, mergeViewers, viewersOf, type Connection } from "./presence";

/** What a stream needs to decide what its subscriber may see; refreshed while the stream is open. */
export type StreamAccess = { subscriber: { id: string; role: Role }; project: { id: string; showOtherLayers: boolean; blindReview?: boolean } };

export type StreamHandle = {
  connectionId: string;
  /** Updates what the subscriber may see (role or project setting changed). */
  setAccess(access: StreamAccess): void;
  close(): void;
};

type LocalStream = Connection & {
  documentId: string;
  access: StreamAccess;
  send: (event: DeliveredDocumentEvent | PresenceEvent) => void;
  /** discussion thread changes (streams that do not ask for them get none) */
  sendThread?: (event: ThreadChanged) => void;
};

export class Hub {
  readonly instanceId = randomUUID();
  private readonly streams = new Map<string, Map<string, LocalStream>>(); // documentId → connectionId → stream
  private readonly remote = new RemotePresence();
  private unsubscribe: (() => void) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private seq = 0;

  constructor(readonly bus: Bus) {}

  /** Opens a stream of one document for one subscriber; it receives the current viewers at once. */
  connect(opts: {
    connectionId?: string;
    documentId: string;
    viewer: Omit<Connection, "connectionId">;
    access: StreamAccess;
    send: LocalStream["send"];
    sendThread?: LocalStream["sendThread"];
  }): StreamHandle {
    this.start();
    const connectionId = opts.connectionId ?? randomUUID();
    const stream: LocalStream = {
      ...opts.viewer,
      connectionId,
      documentId: opts.documentId,
      access: opts.access,
      send: opts.send,
      sendThread: opts.sendThread,
    };
    let streams = this.streams.get(opts.documentId);
    if (!streams) this.streams.set(opts.documentId, (streams = new Map()));
    const first = streams.size === 0;
    streams.set(connectionId, stream);
    this.showPresence(opts.documentId);
    // Ask the others for their viewers only once we can hear the answers.
    void this.bus.ready().then(() => this.announce(opts.documentId, first));
    let open = true;
    return {
      connectionId,
      setAccess: (access) => {
        stream.access = access;
      },
      close: () => {
        if (!open) return;
        open = false;
        this.disconnect(stream);
      },
    };
  }

  /** Resolves when events published from now on reach this instance's streams (or after `timeoutMs`, so a slow database cannot hang a request). */
  async ready(timeoutMs = 5_000): Promise<void> {
    this.start();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([this.bus.ready(), late]);
    clearTimeout(timer);
  }

  /** Everyone on a document: this instance's streams and what the other instances announced. */
  viewers(documentId: string): Viewer[] {
    return mergeViewers([this.localViewers(documentId), this.remote.viewers(documentId)]);
  }

  /** Stops listening to the bus (tests; a server just exits). The bus stays open. */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private start() {
    if (this.unsubscribe) return;
    const off = this.bus.subscribe((msg) => this.receive(msg));
    const offReconnect = this.bus.onReconnect(() => {
      // Announcements may have been missed both ways: say ours again and ask for theirs.
      for (const documentId of this.streams.keys()) void this.announce(documentId, true);
    });
    this.unsubscribe = () => {
      off();
      offReconnect();
    };
    this.heartbeat = setInterval(() => this.beat(), PRESENCE_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private disconnect(stream: LocalStream) {
    const streams = this.streams.get(stream.documentId);
    if (!streams?.delete(stream.connectionId)) return;
    if (!streams.size) this.streams.delete(stream.documentId);
    this.showPresence(stream.documentId);
    void this.announce(stream.documentId, false);
  }

  private receive(msg: BusMessage) {
    if (msg.kind === "document") {
      const event = msg.event;
      for (const stream of this.streams.get(event.documentId)?.values() ?? []) {
        if (canSeeLayerEvent(stream.access.subscriber, stream.access.project, event)) stream.send(event);
      }
      return;
    }
    if (msg.kind === "thread") {
      const event = msg.event;
      const layer = event.layerKind ? { kind: event.layerKind, userId: event.layerUserId } : null;
      for (const stream of this.streams.get(event.documentId)?.values() ?? []) {
        if (canSeeThread(stream.access.subscriber, stream.access.project, layer)) stream.sendThread?.(event);
      }
      return;
    }
    if (msg.instanceId === this.instanceId) return; // our own streams are known first-hand
    const changed = this.remote.apply(msg, Date.now());
    if (changed) this.showPresence(msg.documentId);
    if (msg.reply && this.streams.has(msg.documentId)) void this.announce(msg.documentId, false);
  }

  private beat() {
    for (const documentId of this.remote.expire(Date.now(), PRESENCE_TTL_MS)) this.showPresence(documentId);
    for (const documentId of this.streams.keys()) void this.announce(documentId, false);
  }

  private localViewers(documentId: string): Viewer[] {
    return viewersOf(this.streams.get(documentId)?.values() ?? []);
  }

  private showPresence(documentId: string) {
    const streams = this.streams.get(documentId);
    if (!streams) return;
    const event: PresenceEvent = { type: "presence", documentId, viewers: this.viewers(documentId) };
    for (const stream of streams.values()) stream.send(event);
  }

  private async announce(documentId: string, reply: boolean) {
    try {
      await this.bus.publish({ kind: "presence", instanceId: this.instanceId, documentId, viewers: this.localViewers(documentId), seq: ++this.seq, reply });
    } catch (err) {
      console.error("[realtime] presence announcement failed", { documentId }, err);
    }
  }
}

const HUB = Symbol.for("marginalia.realtime.hub");
const BUS = Symbol.for("marginalia.realtime.bus");
type Singletons = { [HUB]?: Hub; [BUS]?: Bus };

/**
 * This process's bus and hub. Kept on globalThis: Next bundles each route
 * separately (and reloads modules in development), yet the route that saves
 * and the route that streams must share one.
 */
export function getBus(): Bus {
  const g = globalThis as Singletons;
  return (g[BUS] ??= createBus());
}

export function getHub(): Hub {
  const g = globalThis as Singletons;
  return (g[HUB] ??= new Hub(getBus()));
}
