"use client";
/**
 * The document's live stream (GET /api/v1/documents/:id/events) in the
 * browser: who is on the document, whether the stream is up, and every
 * change event handed to `onEvent`. The browser reconnects a dropped stream
 * by itself; when it gives up (the server answered with an error) we open a
 * new one with backoff. After any reconnect `onReconnect` runs, because
 * events sent meanwhile were missed.
 */
import { useEffect, useEffectEvent, useState } from "react";
import type { LayerTarget } from "@/lib/layers/layer-for-write";
import type { DeliveredDocumentEvent, HelloEvent, PresenceEvent, Viewer } from "@/lib/realtime/events";
import { announceThreadChange } from "@/components/threads/thread-signal";

const CHANGE_EVENTS = ["annotation.created", "annotation.updated", "annotation.deleted", "layer.changed"] as const;
const MAX_BACKOFF_MS = 30_000;

export type LiveDocument = {
  /** everyone on the document, this user included, one entry per user */
  viewers: Viewer[];
  /** the stream is open */
  connected: boolean;
  /** the signed-in user, as the stream knows them (null until it first opens) */
  selfId: string | null;
};

export type LiveDocumentOptions = {
  documentId: string;
  /** every change event the stream delivers (the server already left out what this user may not see) */
  onEvent?: (event: DeliveredDocumentEvent, selfId: string | null) => void;
  onReconnect?: () => void;
};

/** True for an annotation event of the signed-in user's own layer on this document. */
export function isOwnLayerEvent(event: DeliveredDocumentEvent, selfId: string | null): boolean {
  return event.type !== "layer.changed" && event.layerKind === "ANNOTATOR" && selfId !== null && event.layerUserId === selfId;
}

/** An annotation change of the layer this page edits: the user's own layer, or gold on the review page. */
export function isEditedLayerEvent(event: DeliveredDocumentEvent, selfId: string | null, target: LayerTarget): boolean {
  if (target === "gold") return event.type !== "layer.changed" && event.layerKind === "GOLD";
  return isOwnLayerEvent(event, selfId);
}

export function useLiveDocument({ documentId, onEvent, onReconnect }: LiveDocumentOptions): LiveDocument {
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [connected, setConnected] = useState(false);
  const [selfId, setSelfId] = useState<string | null>(null);
  // the latest handlers, called from the stream without reopening it when they change
  const onChange = useEffectEvent((event: DeliveredDocumentEvent, self: string | null) => onEvent?.(event, self));
  const onReopen = useEffectEvent(() => onReconnect?.());

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let openedBefore = false;
    let self: string | null = null;
    const read = <T>(e: Event) => JSON.parse((e as MessageEvent<string>).data) as T;

    const open = () => {
      const es = new EventSource(`/api/v1/documents/${encodeURIComponent(documentId)}/events`);
      source = es;
      es.onopen = () => {
        failures = 0;
        setConnected(true);
        if (openedBefore) onReopen();
        openedBefore = true;
      };
      es.onerror = () => {
        setConnected(false);
        if (es.readyState !== EventSource.CLOSED) return; // the browser retries by itself
        es.close();
        const delay = Math.min(1000 * 2 ** failures++, MAX_BACKOFF_MS);
        retry = setTimeout(open, delay);
      };
      es.addEventListener("hello", (e) => {
        self = read<HelloEvent>(e).userId;
        setSelfId(self);
      });
      es.addEventListener("presence", (e) => setViewers(read<PresenceEvent>(e).viewers));
      // discussion threads: handed on to the page's Discussion panel and the inbox badge
      es.addEventListener("thread.changed", (e) => announceThreadChange(read(e)));
      for (const type of CHANGE_EVENTS) {
        es.addEventListener(type, (e) => onChange(read<DeliveredDocumentEvent>(e), self));
      }
    };
    open();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [documentId]);

  return { viewers, connected, selfId };
}
