import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BusMessage, DeliveredDocumentEvent, DocumentEvent } from "./events";
import { NOTIFY_MAX_BYTES, decodeMessage, encodeMessage } from "./wire";

const ref = { documentId: "doc1", projectId: "proj1", layerId: "layer1", layerKind: "ANNOTATOR" as const, layerUserId: "user1", actorId: "user1" };
const annotation = (text: string) => ({
  id: "ann-0001",
  documentId: "doc1",
  layerId: "layer1",
  start: 3,
  end: 3 + Array.from(text).length,
  text,
  label: "PERSON",
  entityId: null,
  version: 2,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:01.000Z",
});

describe("DocumentEvent", () => {
  it("accepts each kind of event and refuses malformed ones", () => {
    expect(DocumentEvent.parse({ type: "annotation.created", ...ref, annotation: annotation("Lavrov") }).type).toBe("annotation.created");
    expect(DocumentEvent.parse({ type: "annotation.deleted", ...ref, annotationId: "ann-0001" }).type).toBe("annotation.deleted");
    expect(DocumentEvent.parse({ type: "layer.changed", ...ref, status: "SUBMITTED" }).type).toBe("layer.changed");
    expect(DocumentEvent.safeParse({ type: "layer.changed", ...ref, status: "DONE" }).success).toBe(false);
    expect(DocumentEvent.safeParse({ type: "annotation.updated", ...ref }).success).toBe(false);
    expect(DocumentEvent.safeParse({ type: "annotation.created", ...ref, layerKind: "OTHER", annotation: annotation("x") }).success).toBe(false);
    expect(DocumentEvent.safeParse({ type: "annotation.moved", ...ref, annotationId: "a" }).success).toBe(false);
  });

  it("takes a gold layer without a layer user", () => {
    const gold = { ...ref, layerKind: "GOLD", layerUserId: null };
    expect(DocumentEvent.safeParse({ type: "annotation.deleted", ...gold, annotationId: "a1" }).success).toBe(true);
  });
});

describe("channel encoding", () => {
  it("sends an ordinary event whole and reads it back", () => {
    const msg: BusMessage = { kind: "document", event: { type: "annotation.updated", ...ref, annotation: annotation("Sergey V. Lavrov 😀") } };
    const encoded = encodeMessage(msg);
    expect(encoded?.shrunk).toBe(false);
    expect(decodeMessage(encoded!.payload)).toEqual(msg);
  });

  it("leaves out the body of an annotation too large for NOTIFY and flags a refetch, counting bytes not characters", () => {
    // 2,000 four-byte characters: 2,000 UTF-16 pairs, 8,000 bytes.
    const msg: BusMessage = { kind: "document", event: { type: "annotation.created", ...ref, annotation: annotation("😀".repeat(2000)) } };
    const encoded = encodeMessage(msg)!;
    expect(encoded.shrunk).toBe(true);
    expect(Buffer.byteLength(encoded.payload)).toBeLessThanOrEqual(NOTIFY_MAX_BYTES);
    const back = decodeMessage(encoded.payload);
    expect(back).toEqual({ kind: "document", event: { type: "annotation.created", ...ref, annotationId: "ann-0001", version: 2, refetch: true } });
    expect(DeliveredDocumentEvent.safeParse((back as { event: unknown }).event).success).toBe(true);
  });

  it("always fits the limit, whatever the text (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 3000 }),
        fc.constantFrom("annotation.created" as const, "annotation.updated" as const),
        (text, type) => {
          const msg: BusMessage = { kind: "document", event: { type, ...ref, annotation: annotation(text) } as DocumentEvent };
          const encoded = encodeMessage(msg)!;
          expect(Buffer.byteLength(encoded.payload)).toBeLessThanOrEqual(NOTIFY_MAX_BYTES);
          const back = decodeMessage(encoded.payload)!;
          if (encoded.shrunk) expect(back.kind === "document" && "refetch" in back.event && back.event.refetch).toBe(true);
          else expect(back).toEqual(msg);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("cuts a presence list that does not fit, keeping the first viewers", () => {
    const viewers = Array.from({ length: 200 }, (_, i) => ({
      userId: `user-${i}`,
      name: `Analyst number ${i} ${"x".repeat(40)}`,
      role: "ANNOTATOR" as const,
      tabs: 1,
    }));
    const encoded = encodeMessage({ kind: "presence", instanceId: "i1", documentId: "doc1", viewers, seq: 1, reply: false })!;
    expect(encoded.shrunk).toBe(true);
    expect(Buffer.byteLength(encoded.payload)).toBeLessThanOrEqual(NOTIFY_MAX_BYTES);
    const back = decodeMessage(encoded.payload);
    expect(back?.kind).toBe("presence");
    const kept = (back as { viewers: typeof viewers }).viewers;
    expect(kept.length).toBeGreaterThan(50);
    expect(kept).toEqual(viewers.slice(0, kept.length));
  });

  it("ignores payloads that are not live events", () => {
    expect(decodeMessage("not json")).toBeNull();
    expect(decodeMessage(JSON.stringify({ kind: "document", event: { type: "annotation.created" } }))).toBeNull();
    expect(decodeMessage(JSON.stringify({ kind: "shout" }))).toBeNull();
  });
});
