/**
 * The live stream of one document for one subscriber: who is on it
 * (presence) and the changes they may see, as server-sent events, until the
 * client goes away. Access is checked again with every ping, so a
 * deactivated user, a revoked token or a lost membership ends the stream.
 */
import { randomUUID } from "node:crypto";
import { getSql, toBool } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { getDocument } from "@/lib/documents/get-document";
import type { Actor } from "@/lib/auth/actor";
import type { HelloEvent } from "./events";
import { getHub, type Hub, type StreamAccess } from "./hub";
import { SSE_PING, sseFrame, sseRetry } from "./sse";
import { blindDocumentEvent, blindPresence, personalThreadEvent } from "./blind-presence";
import { claimStreamSlot } from "./stream-quota";

// A ping is also how a dropped connection is noticed (the request's abort
// signal does not always fire), so presence forgets a closed tab within this.
export const PING_MS = 5_000;
const RETRY_MS = 2_000;

async function accessFor(actor: Actor, documentId: string): Promise<StreamAccess> {
  const doc = await getDocument({ actor, documentId });
  // every open stream asks again with each ping: plain SQL (lib/db/sql.ts)
  const sql = await getSql();
  const row = await sql.one<{ showOtherLayers: unknown; blindReview: unknown }>(`SELECT "showOtherLayers", "blindReview" FROM "Project" WHERE "id" = ?`, [
    doc.projectId,
  ]);
  if (!row) throw new AppError("NOT_FOUND", "Project not found");
  return {
    subscriber: { id: actor.id, role: actor.role },
    project: { id: doc.projectId, showOtherLayers: toBool(row.showOtherLayers), blindReview: toBool(row.blindReview) },
  };
}

export async function openDocumentStream(opts: {
  actor: Actor;
  documentId: string;
  /** aborts when the client disconnects */
  signal: AbortSignal;
  /** the subscriber as they stand now (null: no longer allowed in) */
  recheck: () => Promise<Actor | null>;
  hub?: Hub;
  pingMs?: number;
}): Promise<ReadableStream<Uint8Array>> {
  const { actor, documentId, signal } = opts;
  let access = await accessFor(actor, documentId); // 404 before any stream starts
  const hub = opts.hub ?? getHub();
  await hub.ready();
  const release = claimStreamSlot(actor.id); // 429 past the per-user cap
  const encoder = new TextEncoder();
  let stop: () => void = () => undefined;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          stop(); // the client went away before we heard of it
        }
      };
      const connectionId = randomUUID();
      const hello: HelloEvent = { type: "hello", documentId, userId: actor.id, connectionId };
      write(sseRetry(RETRY_MS));
      write(sseFrame(hello.type, hello));
      const handle = hub.connect({
        connectionId,
        documentId,
        viewer: { userId: actor.id, name: actor.name, role: actor.role },
        access,
        send: (event) => write(sseFrame(event.type, event.type === "presence" ? blindPresence(event, access) : blindDocumentEvent(event, access))),
        sendThread: (event) => write(sseFrame(event.type, personalThreadEvent(event, access))),
      });
      const ping = setInterval(() => void keepAlive(), opts.pingMs ?? PING_MS);
      stop = () => {
        if (closed) return;
        closed = true;
        release();
        clearInterval(ping);
        signal.removeEventListener("abort", stop);
        handle.close();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      async function keepAlive() {
        write(SSE_PING);
        try {
          const now = await opts.recheck();
          if (!now) return stop();
          access = await accessFor(now, documentId);
          handle.setAccess(access);
        } catch (err) {
          if (err instanceof AppError && err.code === "NOT_FOUND") return stop();
          console.warn("[realtime] could not re-check stream access; keeping the stream", err);
        }
      }
      signal.addEventListener("abort", stop);
      if (signal.aborted) stop();
    },
    cancel() {
      stop();
    },
  });
}
