import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyRemoteChange, reconcile } from "./apply-remote";
import type { LocalAnnotation } from "./types";

const ann = (id: string, version: number, label = "PERSON"): LocalAnnotation => ({ id, start: 0, end: 6, text: "Lavrov", label, version });
const layerOf = (...list: LocalAnnotation[]) => new Map(list.map((a) => [a.id, a]));
const none = new Set<string>();

describe("applyRemoteChange", () => {
  it("adds an annotation created in another tab, and ignores the echo of this tab's own create", () => {
    const layer = layerOf(ann("a", 1));
    expect([...applyRemoteChange(layer, { type: "annotation.created", annotation: ann("b", 1) }, none).keys()]).toEqual(["a", "b"]);
    expect(applyRemoteChange(layer, { type: "annotation.created", annotation: ann("a", 1, "ORG") }, none)).toBe(layer);
    const unsaved = layerOf(ann("c", 0));
    expect(applyRemoteChange(unsaved, { type: "annotation.created", annotation: ann("c", 1) }, new Set(["c"]))).toBe(unsaved);
  });

  it("takes a newer version, ignores the same or an older one", () => {
    const layer = layerOf(ann("a", 2));
    expect(applyRemoteChange(layer, { type: "annotation.updated", annotation: ann("a", 3, "ORG") }, none).get("a")).toEqual(ann("a", 3, "ORG"));
    expect(applyRemoteChange(layer, { type: "annotation.updated", annotation: ann("a", 2, "ORG") }, none)).toBe(layer);
    expect(applyRemoteChange(layer, { type: "annotation.updated", annotation: ann("a", 1, "ORG") }, none)).toBe(layer);
  });

  it("never overwrites an annotation with an unsaved change here (the save will meet a 409 instead)", () => {
    const layer = layerOf(ann("a", 2, "GPE"));
    expect(applyRemoteChange(layer, { type: "annotation.updated", annotation: ann("a", 3, "ORG") }, new Set(["a"]))).toBe(layer);
    expect(applyRemoteChange(layer, { type: "annotation.deleted", annotationId: "a" }, new Set(["a"]))).toBe(layer);
  });

  it("removes an annotation deleted elsewhere; the echo of a local delete changes nothing", () => {
    const layer = layerOf(ann("a", 1), ann("b", 1));
    expect([...applyRemoteChange(layer, { type: "annotation.deleted", annotationId: "a" }, none).keys()]).toEqual(["b"]);
    expect(applyRemoteChange(layer, { type: "annotation.deleted", annotationId: "zz" }, none)).toBe(layer);
  });

  it("keeps only the fields the layer holds", () => {
    const wire = { ...ann("b", 1), documentId: "d", layerId: "l", entityId: null, createdAt: "", updatedAt: "" };
    expect(applyRemoteChange(layerOf(), { type: "annotation.created", annotation: wire }, none).get("b")).toEqual(ann("b", 1));
  });
});

describe("reconcile", () => {
  it("becomes the server's list when nothing is pending (property)", () => {
    const annotation = fc.record({ id: fc.constantFrom("a", "b", "c", "d"), version: fc.integer({ min: 0, max: 5 }), label: fc.constantFrom("PERSON", "ORG") });
    fc.assert(
      fc.property(fc.uniqueArray(annotation, { selector: (a) => a.id }), fc.uniqueArray(annotation, { selector: (a) => a.id }), (mine, theirs) => {
        const server = theirs.map((a) => ann(a.id, a.version + 1, a.label));
        const out = reconcile(layerOf(...mine.map((a) => ann(a.id, a.version, a.label))), server, none);
        expect([...out.keys()].sort()).toEqual(server.map((a) => a.id).sort());
        for (const s of server) expect(out.get(s.id)!.version).toBeGreaterThanOrEqual(s.version);
      }),
    );
  });

  it("keeps pending changes, including unsaved new spans the server does not have yet", () => {
    const layer = layerOf(ann("a", 1, "GPE"), ann("new", 0), ann("gone", 1));
    const out = reconcile(layer, [ann("a", 2, "ORG"), ann("b", 1)], new Set(["a", "new"]));
    expect(out.get("a")).toEqual(ann("a", 1, "GPE"));
    expect(out.get("new")).toEqual(ann("new", 0));
    expect(out.get("b")).toEqual(ann("b", 1));
    expect(out.has("gone")).toBe(false);
  });
});
