/**
 * Who is on a document, across instances (pure; the hub owns the timers).
 * Each instance knows its own connections and hears the others' through the
 * bus: they announce on join and leave and repeat it as a heartbeat; an
 * instance not heard from within the time-to-live is forgotten (it crashed or
 * lost its connection).
 */
import type { Role } from "@/lib/domain/enums";
import type { Viewer } from "./events";

export const PRESENCE_HEARTBEAT_MS = 10_000;
export const PRESENCE_TTL_MS = 25_000;

/** One open stream: one tab of one user. */
export type Connection = { connectionId: string; userId: string; name: string; role: Role };

const byName = (a: Viewer, b: Viewer) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId);

/** Connections deduplicated by user, counting tabs. */
export function viewersOf(connections: Iterable<Connection>): Viewer[] {
  const users = new Map<string, Viewer>();
  for (const c of connections) {
    const seen = users.get(c.userId);
    users.set(c.userId, seen ? { ...seen, tabs: seen.tabs + 1 } : { userId: c.userId, name: c.name, role: c.role, tabs: 1 });
  }
  return [...users.values()].sort(byName);
}

/** Viewer lists of several instances as one, adding up the tabs of a user served by more than one. */
export function mergeViewers(lists: Iterable<Viewer[]>): Viewer[] {
  const users = new Map<string, Viewer>();
  for (const list of lists) {
    for (const v of list) {
      const seen = users.get(v.userId);
      users.set(v.userId, seen ? { ...seen, tabs: seen.tabs + v.tabs } : { ...v });
    }
  }
  return [...users.values()].sort(byName);
}

export function sameViewers(a: Viewer[], b: Viewer[]): boolean {
  return a.length === b.length && a.every((v, i) => v.userId === b[i].userId && v.tabs === b[i].tabs && v.name === b[i].name && v.role === b[i].role);
}

type Entry = { viewers: Viewer[]; seenAt: number; seq: number };

/** What the other instances last said about each document. */
export class RemotePresence {
  private readonly docs = new Map<string, Map<string, Entry>>();

  /**
   * Records an announcement; true when the viewers of that document changed.
   * An announcement older (lower `seq`) than one already heard from the same
   * instance is ignored. An empty list is kept until it expires, so that an
   * older announcement arriving late cannot bring back people who left.
   */
  apply(a: { instanceId: string; documentId: string; viewers: Viewer[]; seq: number }, now: number): boolean {
    let instances = this.docs.get(a.documentId);
    const seen = instances?.get(a.instanceId);
    if (seen && seen.seq >= a.seq) return false;
    const before = this.viewers(a.documentId);
    if (!instances) this.docs.set(a.documentId, (instances = new Map()));
    instances.set(a.instanceId, { viewers: a.viewers, seenAt: now, seq: a.seq });
    return !sameViewers(before, this.viewers(a.documentId));
  }

  /** Forgets instances not heard from within `ttl`; returns the documents whose viewers changed. */
  expire(now: number, ttl = PRESENCE_TTL_MS): string[] {
    const changed: string[] = [];
    for (const [documentId, instances] of this.docs) {
      const before = this.viewers(documentId);
      for (const [instanceId, entry] of instances) if (now - entry.seenAt > ttl) instances.delete(instanceId);
      if (!instances.size) this.docs.delete(documentId);
      if (!sameViewers(before, this.viewers(documentId))) changed.push(documentId);
    }
    return changed;
  }

  viewers(documentId: string): Viewer[] {
    return mergeViewers([...(this.docs.get(documentId)?.values() ?? [])].map((e) => e.viewers));
  }
}
