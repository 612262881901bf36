import { describe, expect, it } from "vitest";
import { documentShare } from "./document-share";
import { cellKey } from "./document-cells";

const TEXT = "Sergey Lavrov met John Kerry in Baghdad.";
const gold = [
  { start: 0, end: 13, label: "PERSON" },
  { start: 18, end: 28, label: "PERSON" },
  { start: 32, end: 39, label: "GPE" },
];
const suggested = [
  { start: 0, end: 13, label: "PERSON" }, // right
  { start: 23, end: 28, label: "PERSON" }, // overlaps "John Kerry" only
  { start: 32, end: 39, label: "ORG" }, // wrong label
];

describe("a document's share: models against gold", () => {
  it("scores each model's suggestions against the approved gold layer, per label", () => {
    const share = documentShare(TEXT, [
      { kind: "GOLD", userId: null, status: "APPROVED", spans: gold },
      { kind: "SUGGESTIONS", userId: null, status: "IN_PROGRESS", spans: suggested, origin: "builtin:test" },
    ]);
    const cell = (label: string, what: string) => share.all.get(cellKey(["model", "builtin:test", label, what])) ?? 0;
    expect([cell("PERSON", "reference"), cell("PERSON", "candidate"), cell("PERSON", "exact"), cell("PERSON", "overlap")]).toEqual([2, 2, 1, 2]);
    expect([cell("GPE", "reference"), cell("GPE", "candidate"), cell("GPE", "exact")]).toEqual([1, 0, 0]);
    expect([cell("ORG", "reference"), cell("ORG", "candidate"), cell("ORG", "exact")]).toEqual([0, 1, 0]);
  });

  it("has no model cells before gold is approved", () => {
    const share = documentShare(TEXT, [
      { kind: "GOLD", userId: null, status: "IN_PROGRESS", spans: gold },
      { kind: "SUGGESTIONS", userId: null, status: "IN_PROGRESS", spans: suggested, origin: "builtin:test" },
    ]);
    expect([...share.all.keys()].some((k) => k.startsWith('["model"'))).toBe(false);
  });
});
