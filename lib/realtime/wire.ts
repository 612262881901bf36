/**
 * How bus messages are written to and read from the channel. PostgreSQL's
 * NOTIFY takes payloads shorter than 8000 bytes: an annotation event that is
 * larger (a span over a long passage) goes out without its annotation and
 * with `refetch: true`; a presence list that is larger is cut short.
 */
import { BusMessage, type AnnotationRefetch } from "./events";

/** Largest payload NOTIFY accepts ("must be shorter than 8000 bytes"). */
export const NOTIFY_MAX_BYTES = 7999;

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

export type Encoded = { payload: string; shrunk: boolean } | null;

/** The message as one payload of at most `maxBytes`, shrunk if it must be; null when it cannot fit at all. */
export function encodeMessage(msg: BusMessage, maxBytes = NOTIFY_MAX_BYTES): Encoded {
  const whole = JSON.stringify(msg);
  if (bytes(whole) <= maxBytes) return { payload: whole, shrunk: false };
  if (msg.kind === "document" && "annotation" in msg.event) {
    const { annotation, ...ref } = msg.event;
    const event: AnnotationRefetch = { ...ref, annotationId: annotation.id, version: annotation.version, refetch: true };
    const payload = JSON.stringify({ kind: "document", event } satisfies BusMessage);
    return bytes(payload) <= maxBytes ? { payload, shrunk: true } : null;
  }
  if (msg.kind === "presence") {
    // Keep as many viewers as fit; the rest show up again with their own instance's next heartbeat.
    let lo = 0;
    let hi = msg.viewers.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (bytes(JSON.stringify({ ...msg, viewers: msg.viewers.slice(0, mid) })) <= maxBytes) lo = mid;
      else hi = mid - 1;
    }
    const payload = JSON.stringify({ ...msg, viewers: msg.viewers.slice(0, lo) });
    return bytes(payload) <= maxBytes ? { payload, shrunk: true } : null;
  }
  return null;
}

/** A payload read from the channel, or null if it is not a message we understand (logged by the caller). */
export function decodeMessage(payload: string): BusMessage | null {
  try {
    const parsed = BusMessage.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
