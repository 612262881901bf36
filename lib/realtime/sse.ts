/** Server-sent events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html). */

/** One event; JSON never contains a raw line break, so the data fits on one `data:` line. */
export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: keeps proxies and load balancers from closing an idle stream. */
export const SSE_PING = ": ping\n\n";

/** How long a browser waits before reconnecting a dropped stream. */
export const sseRetry = (ms: number) => `retry: ${ms}\n\n`;

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: Next's compression would otherwise buffer the stream.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  // nginx and similar proxies buffer responses unless told not to.
  "X-Accel-Buffering": "no",
} as const;
