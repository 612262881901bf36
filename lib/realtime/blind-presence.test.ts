import { describe, expect, it } from "vitest";
import { blindPresence } from "./blind-presence";
import type { PresenceEvent } from "./events";

const event: PresenceEvent = {
  type: "presence",
  documentId: "d1",
  viewers: [
    { userId: "a1", name: "Alice", role: "ANNOTATOR", tabs: 1 },
    { userId: "r1", name: "Rita", role: "REVIEWER", tabs: 1 },
  ],
};

describe("presence under blind review", () => {
  it("hides annotator names from reviewers only when the project reviews blind", () => {
    const reviewer = { id: "r1", role: "REVIEWER" as const };
    expect(blindPresence(event, { subscriber: reviewer, project: { showOtherLayers: false, blindReview: true } }).viewers.map((v) => v.name)).toEqual(["An annotator", "Rita"]);
    expect(blindPresence(event, { subscriber: reviewer, project: { showOtherLayers: false, blindReview: false } }).viewers.map((v) => v.name)).toEqual(["Alice", "Rita"]);
    expect(blindPresence(event, { subscriber: { id: "a2", role: "ANNOTATOR" }, project: { showOtherLayers: false, blindReview: true } }).viewers[0].name).toBe("Alice");
  });
});
