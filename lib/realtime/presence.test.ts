import { describe, expect, it } from "vitest";
import { RemotePresence, mergeViewers, viewersOf, PRESENCE_TTL_MS } from "./presence";

const conn = (connectionId: string, userId: string, name = userId) => ({ connectionId, userId, name, role: "ANNOTATOR" as const });
const viewer = (userId: string, tabs = 1, name = userId) => ({ userId, name, role: "ANNOTATOR" as const, tabs });

describe("presence", () => {
  it("counts a user's tabs once per user, sorted by name", () => {
    expect(viewersOf([conn("c1", "u2", "Zoe"), conn("c2", "u1", "Adam"), conn("c3", "u2", "Zoe")])).toEqual([viewer("u1", 1, "Adam"), viewer("u2", 2, "Zoe")]);
    expect(viewersOf([])).toEqual([]);
  });

  it("adds up the tabs of a user served by two instances", () => {
    expect(mergeViewers([[viewer("a", 1)], [viewer("a", 2), viewer("b")]])).toEqual([viewer("a", 3), viewer("b")]);
  });

  it("merges announcements of several instances and forgets an instance that leaves", () => {
    const p = new RemotePresence();
    expect(p.apply({ instanceId: "i1", documentId: "d", viewers: [viewer("a")], seq: 1 }, 0)).toBe(true);
    expect(p.apply({ instanceId: "i2", documentId: "d", viewers: [viewer("a"), viewer("b")], seq: 2 }, 0)).toBe(true);
    expect(p.viewers("d")).toEqual([viewer("a", 2), viewer("b")]);
    // A heartbeat that says the same thing changes nothing.
    expect(p.apply({ instanceId: "i1", documentId: "d", viewers: [viewer("a")], seq: 3 }, 5_000)).toBe(false);
    expect(p.apply({ instanceId: "i2", documentId: "d", viewers: [], seq: 4 }, 6_000)).toBe(true);
    expect(p.viewers("d")).toEqual([viewer("a")]);
    expect(p.viewers("other")).toEqual([]);
  });

  it("ignores an announcement that arrives after a newer one from the same instance", () => {
    const p = new RemotePresence();
    expect(p.apply({ instanceId: "i1", documentId: "d", viewers: [viewer("a"), viewer("b")], seq: 2 }, 0)).toBe(true);
    expect(p.apply({ instanceId: "i1", documentId: "d", viewers: [viewer("a")], seq: 1 }, 10)).toBe(false);
    expect(p.viewers("d")).toEqual([viewer("a"), viewer("b")]);
    // Everyone left; a late, older announcement does not bring anyone back.
    expect(p.apply({ instanceId: "i1", documentId: "d", viewers: [], seq: 4 }, 20)).toBe(true);
    expect(p.apply({ instanceId: "i1", documentId: "d", viewers: [viewer("a")], seq: 3 }, 30)).toBe(false);
    expect(p.viewers("d")).toEqual([]);
  });

  it("expires an instance not heard from within the time-to-live, and only that one", () => {
    const p = new RemotePresence();
    p.apply({ instanceId: "i1", documentId: "d", viewers: [viewer("a")], seq: 5 }, 0);
    p.apply({ instanceId: "i2", documentId: "d", viewers: [viewer("b")], seq: 6 }, 20_000);
    p.apply({ instanceId: "i1", documentId: "e", viewers: [viewer("a")], seq: 7 }, 20_000);
    expect(p.expire(PRESENCE_TTL_MS, PRESENCE_TTL_MS)).toEqual([]);
    expect(p.expire(PRESENCE_TTL_MS + 1, PRESENCE_TTL_MS)).toEqual(["d"]);
    expect(p.viewers("d")).toEqual([viewer("b")]);
    expect(p.viewers("e")).toEqual([viewer("a")]);
    expect(p.expire(60_000, PRESENCE_TTL_MS).sort()).toEqual(["d", "e"]);
    expect(p.viewers("d")).toEqual([]);
  });
});
