import { describe, expect, it } from "vitest";
import { blindDocumentEvent, blindPresence } from "./blind-presence";
import { pseudonym } from "@/lib/review/blind";
import type { PresenceEvent } from "./events";

const event: PresenceEvent = {
  type: "presence",
  documentId: "d1",
  viewers: [
    { userId: "a1", name: "Alice", role: "ANNOTATOR", tabs: 1 },
    { userId: "r1", name: "Rita", role: "REVIEWER", tabs: 1 },
  ],
};

process.env.AUTH_SECRET ??= "unit-test-secret";

describe("presence and events under blind review", () => {
  const project = (blindReview: boolean) => ({ id: "p1", showOtherLayers: false, blindReview });
  it("shows reviewers a stable pseudonym (name and id) for annotators, only when the project reviews blind", () => {
    const reviewer = { id: "r1", role: "REVIEWER" as const };
    const blind = blindPresence(event, { subscriber: reviewer, project: project(true) }).viewers;
    expect(blind[0].name).toBe(pseudonym("p1", "a1").name);
    expect(blind[0].userId).toBe(pseudonym("p1", "a1").id);
    expect(JSON.stringify(blind)).not.toMatch(/Alice|"a1"/);
    expect(blind[1]).toMatchObject({ userId: "r1", name: "Rita" });
    expect(blindPresence(event, { subscriber: reviewer, project: project(false) }).viewers.map((v) => v.name)).toEqual(["Alice", "Rita"]);
    expect(blindPresence(event, { subscriber: { id: "a2", role: "ANNOTATOR" }, project: project(true) }).viewers[0].name).toBe("Alice");
    expect(blindPresence(event, { subscriber: { id: "ad", role: "ADMIN" }, project: project(true) }).viewers[0].name).toBe("Alice");
  });

  it("pseudonyms are stable within a project and differ across projects", () => {
    expect(pseudonym("p1", "a1")).toEqual(pseudonym("p1", "a1"));
    expect(pseudonym("p1", "a1").id).not.toBe(pseudonym("p2", "a1").id);
    expect(pseudonym("p1", "a1").name).toMatch(/^Annotator [A-Z2-9]{4}$/);
  });

  it("swaps the annotator's user id in document events for reviewers", () => {
    const e = {
      type: "layer.changed" as const,
      documentId: "d1",
      projectId: "p1",
      layerId: "l1",
      layerKind: "ANNOTATOR" as const,
      layerUserId: "a1",
      actorId: "a1",
      status: "SUBMITTED" as const,
    };
    const seen = blindDocumentEvent(e, { subscriber: { id: "r1", role: "REVIEWER" }, project: project(true) });
    expect(seen).toMatchObject({ layerUserId: pseudonym("p1", "a1").id, actorId: pseudonym("p1", "a1").id });
    expect(blindDocumentEvent(e, { subscriber: { id: "r1", role: "REVIEWER" }, project: project(false) })).toEqual(e);
  });
});
