import { describe, expect, it } from "vitest";
import { canResolveThread, canSeeLayerEvent, canSeeThread } from "@/lib/authz";
import type { Role } from "@/lib/domain/enums";

const who = (id: string, role: Role) => ({ id, role });
const hidden = { showOtherLayers: false };
const shown = { showOtherLayers: true };
const layerOf = (userId: string) => ({ layerKind: "ANNOTATOR", layerUserId: userId });
const gold = { layerKind: "GOLD", layerUserId: null };
const suggestions = { layerKind: "SUGGESTIONS", layerUserId: null };

describe("canSeeLayerEvent", () => {
  it("always shows a subscriber their own layer (their other tabs stay in sync)", () => {
    for (const role of ["ADMIN", "REVIEWER", "ANNOTATOR"] as const) expect(canSeeLayerEvent(who("u1", role), hidden, layerOf("u1"))).toBe(true);
  });

  it("hides another annotator's layer from annotators unless the project shows layers", () => {
    expect(canSeeLayerEvent(who("u1", "ANNOTATOR"), hidden, layerOf("u2"))).toBe(false);
    expect(canSeeLayerEvent(who("u1", "ANNOTATOR"), shown, layerOf("u2"))).toBe(true);
  });

  it("shows every annotator's layer to reviewers and admins", () => {
    expect(canSeeLayerEvent(who("r", "REVIEWER"), hidden, layerOf("u2"))).toBe(true);
    expect(canSeeLayerEvent(who("a", "ADMIN"), hidden, layerOf("u2"))).toBe(true);
  });

  it("shows the gold layer to reviewers and admins only, whatever the project setting", () => {
    expect(canSeeLayerEvent(who("r", "REVIEWER"), hidden, gold)).toBe(true);
    expect(canSeeLayerEvent(who("a", "ADMIN"), hidden, gold)).toBe(true);
    expect(canSeeLayerEvent(who("u1", "ANNOTATOR"), hidden, gold)).toBe(false);
    expect(canSeeLayerEvent(who("u1", "ANNOTATOR"), shown, gold)).toBe(false);
  });

  it("shows suggestions to everyone on the document", () => {
    expect(canSeeLayerEvent(who("u1", "ANNOTATOR"), hidden, suggestions)).toBe(true);
  });

  it("does not take an ANNOTATOR-less kind with a matching user id as one's own", () => {
    expect(canSeeLayerEvent(who("u1", "ANNOTATOR"), hidden, { layerKind: "GOLD", layerUserId: "u1" })).toBe(false);
  });
});

describe("canSeeThread", () => {
  const span = (userId: string) => ({ kind: "ANNOTATOR", userId });
  it("shows a document thread to everyone who may open the document", () => {
    for (const role of ["ADMIN", "REVIEWER", "ANNOTATOR"] as const) expect(canSeeThread(who("u1", role), hidden, null)).toBe(true);
  });
  it("follows the anchor's layer like live events", () => {
    expect(canSeeThread(who("u1", "ANNOTATOR"), hidden, span("u1"))).toBe(true);
    expect(canSeeThread(who("u1", "ANNOTATOR"), hidden, span("u2"))).toBe(false);
    expect(canSeeThread(who("u1", "ANNOTATOR"), shown, span("u2"))).toBe(true);
    expect(canSeeThread(who("r", "REVIEWER"), hidden, span("u2"))).toBe(true);
    expect(canSeeThread(who("u1", "ANNOTATOR"), shown, { kind: "GOLD", userId: null })).toBe(false);
  });
  it("lets reviewers, admins and the starter resolve", () => {
    expect(canResolveThread(who("u1", "ANNOTATOR"), { createdById: "u1" })).toBe(true);
    expect(canResolveThread(who("u2", "ANNOTATOR"), { createdById: "u1" })).toBe(false);
    expect(canResolveThread(who("r", "REVIEWER"), { createdById: "u1" })).toBe(true);
    expect(canResolveThread(who("a", "ADMIN"), { createdById: "u1" })).toBe(true);
  });
});
