import { describe, expect, it } from "vitest";
import { TextIndex } from "@/lib/text/offsets";
import { markSpecs, rangeSpecs, spanSpecs, tagSpecs } from "./decorations";
import type { LocalAnnotation, OverlaySpan } from "./types";

// "😀" is one code point and two UTF-16 units; the editor counts one position per UTF-16 unit, plus two per line break.
const text = "😀 Lavrov met Kerry\nin Geneva on Monday";
const index = new TextIndex(text);
const ann = (id: string, start: number, end: number, label = "PERSON", version = 1): LocalAnnotation => ({
  id,
  start,
  end,
  label,
  version,
  text: index.slice(start, end),
});
const colors = new Map([["PERSON", "#2563eb"]]);

describe("spanSpecs", () => {
  it("draws only what meets the window, at editor positions, stacking overlaps", () => {
    const spans = [ann("lavrov", 2, 8), ann("lavrov-met", 2, 12, "EVENT"), ann("geneva", 22, 28, "GPE", 0)];
    const overlays: OverlaySpan[] = [{ id: "o1", start: 13, end: 18, label: "PERSON", layerName: "annotator 2", disputed: true }];
    const { own, overlays: drawnOverlays } = spanSpecs({ spans, overlays, window: { start: 0, end: 19 }, colors, index });
    expect(own.map((s) => s.key)).toEqual(["lavrov", "lavrov-met"]);
    expect(own[0]).toMatchObject({ from: index.cpToPm(2), to: index.cpToPm(8) });
    expect(own[0].from).toBe(4); // position 1 opens the paragraph; the emoji and the space take 3
    expect(own[0].attrs.style).toBe("--c:#2563eb;--d:1"); // the longer span that starts with it is outer (depth 0)
    expect(own[1].attrs.style).toBe("--c:#6b7280;--d:0");
    expect(drawnOverlays).toHaveLength(1);
    expect(drawnOverlays[0].attrs.class).toBe("ann overlay disputed");

    const second = spanSpecs({ spans, overlays, window: { start: 19, end: index.length }, colors, index });
    expect(second.own.map((s) => s.key)).toEqual(["geneva"]);
    expect(second.own[0].attrs.class).toBe("ann unsaved");
    expect(second.own[0].from).toBe(index.cpToPm(22));
    expect(index.cpToPm(22)).toBe(22 + 1 + 1 + 1); // the emoji is two positions, the first paragraph opens, a line break is two
  });
});

describe("span hover text", () => {
  it("names the label and the text, and adds the label's description when it has one", () => {
    const spans = [ann("lavrov", 2, 8), ann("geneva", 22, 28, "GPE")];
    const overlays: OverlaySpan[] = [{ id: "o1", start: 13, end: 18, label: "PERSON", layerName: "annotator 2" }];
    const descriptions = new Map([
      ["PERSON", "A named individual, not a role"],
      ["GPE", ""],
    ]);
    const drawn = spanSpecs({ spans, overlays, window: { start: 0, end: index.length }, colors, index, descriptions });
    expect(drawn.own.map((s) => s.attrs.title)).toEqual(["PERSON: Lavrov\nPERSON: A named individual, not a role", "GPE: Geneva"]);
    expect(drawn.overlays[0].attrs.title).toBe("annotator 2 · PERSON: Kerry\nPERSON: A named individual, not a role");
  });
});

describe("markSpecs and rangeSpecs", () => {
  it("draws a panel's marks within the window and a range wherever it is", () => {
    const marks = [
      { id: "m1", start: 2, end: 8, className: "entity-suggestion", title: "Suggestion" },
      { id: "m2", start: 32, end: 38, className: "entity-suggestion" },
    ];
    const specs = markSpecs("entity-suggestions", marks, { start: 0, end: 19 }, index);
    expect(specs).toEqual([
      {
        key: "m1",
        from: 4,
        to: 10,
        attrs: { class: "mark entity-suggestion", "data-mark-key": "entity-suggestions", "data-mark-id": "m1", title: "Suggestion" },
      },
    ]);
    expect(rangeSpecs({ start: 32, end: 38 }, "kbd-cursor", index)).toEqual([
      { key: "kbd-cursor", from: index.cpToPm(32), to: index.cpToPm(38), attrs: { class: "kbd-cursor" } },
    ]);
    expect(rangeSpecs(null, "kbd-cursor", index)).toEqual([]);
  });
});

describe("tagSpecs", () => {
  it("puts one label tag at the end of each span in the window, as a widget that adds no text", () => {
    const index = { cpToPm: (cp: number) => cp + 1, slice: () => "" };
    const spans = [
      { id: "a", start: 0, end: 6, label: "PERSON", text: "Sergey", version: 1 },
      { id: "b", start: 500, end: 506, label: "ORG", text: "Daesh!", version: 1 },
    ];
    const tags = tagSpecs(spans, { start: 0, end: 100 }, new Map([["PERSON", "#0077bb"]]), index);
    expect(tags).toEqual([{ key: "a:tag", from: 7, to: 7, attrs: { class: "ann-tag", "data-tag": "PERSON", style: "--c:#0077bb" }, widget: true }]);
  });
});
