/**
 * Thread changes that reach the browser on a document's live stream are
 * passed on as a window event, so that whatever shows threads (the Discussion
 * panel) or mentions (the inbox badge) can listen without sharing the stream.
 */
import type { ThreadChanged } from "@/lib/realtime/events";

export const THREAD_SIGNAL = "marginalia:thread-changed";

export function announceThreadChange(event: ThreadChanged): void {
  window.dispatchEvent(new CustomEvent<ThreadChanged>(THREAD_SIGNAL, { detail: event }));
}

/** Calls `listener` with every thread change announced on this page; returns the unsubscribe. */
export function onThreadChange(listener: (event: ThreadChanged) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<ThreadChanged>).detail);
  window.addEventListener(THREAD_SIGNAL, handler);
  return () => window.removeEventListener(THREAD_SIGNAL, handler);
}
