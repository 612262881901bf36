/**
 * How a tab takes in changes of its own layer made elsewhere (another tab of
 * the same user, an API client). Pure, so the rules are easy to test:
 * - an echo of this tab's own change is ignored (the annotation is already
 *   there, already gone, or at the same or a newer version here);
 * - an annotation with a change of this tab still waiting to be saved is
 *   left alone: that save carries the version it was based on, the server
 *   answers 409, and the user is told instead of either write being lost.
 */
import type { LocalAnnotation } from "./types";

export type RemoteChange =
  { type: "annotation.created" | "annotation.updated"; annotation: LocalAnnotation } | { type: "annotation.deleted"; annotationId: string };

// Maps are never changed in place: a change returns a new one (React state).
type Layer = Map<string, LocalAnnotation>;

const local = (a: LocalAnnotation): LocalAnnotation => ({ id: a.id, start: a.start, end: a.end, label: a.label, text: a.text, version: a.version });

/** The layer with the change applied, or the same map when the change is ignored. */
export function applyRemoteChange(layer: Layer, change: RemoteChange, pending: ReadonlySet<string>): Layer {
  if (change.type === "annotation.deleted") {
    if (!layer.has(change.annotationId) || pending.has(change.annotationId)) return layer;
    const next = new Map(layer);
    next.delete(change.annotationId);
    return next;
  }
  const incoming = change.annotation;
  if (pending.has(incoming.id)) return layer;
  const mine = layer.get(incoming.id);
  if (mine && (change.type === "annotation.created" || mine.version >= incoming.version)) return layer;
  return new Map(layer).set(incoming.id, local(incoming));
}

/**
 * The layer brought in line with the server's list (after missed events),
 * keeping whatever this tab has not saved yet.
 */
export function reconcile(layer: Layer, server: readonly LocalAnnotation[], pending: ReadonlySet<string>): Layer {
  const next = new Map<string, LocalAnnotation>();
  const onServer = new Set(server.map((a) => a.id));
  for (const a of server) {
    const mine = layer.get(a.id);
    next.set(a.id, pending.has(a.id) && mine ? mine : mine && mine.version >= a.version ? mine : local(a));
  }
  for (const [id, mine] of layer) {
    if (!onServer.has(id) && pending.has(id)) next.set(id, mine);
  }
  return next;
}
