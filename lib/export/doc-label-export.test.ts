import { describe, expect, it } from "vitest";
import { docLabelsOf, doccanoCats, labelStudioChoices, spacyCats } from "./doc-label-export";

const sets = [
  { name: "Topic", multiple: true, choices: ["Politics", "Economy", "Other"] },
  { name: "Relevance", multiple: false, choices: ["Yes", "No", "Other"] },
];

describe("document labels in the export formats", () => {
  it("lists every set, the chosen names in schema order", () => {
    expect(
      docLabelsOf(sets, [
        { set: "Topic", choice: "Economy" },
        { set: "Topic", choice: "Politics" },
      ]),
    ).toEqual({ Topic: ["Politics", "Economy"], Relevance: [] });
    // an archived choice still held comes after the listed ones
    expect(docLabelsOf(sets, [{ set: "Old", choice: "Gone" }])).toEqual({ Topic: [], Relevance: [], Old: ["Gone"] });
  });
  it("one-hot cats for spaCy, shared names qualified by their set", () => {
    const labels = docLabelsOf(sets, [
      { set: "Topic", choice: "Other" },
      { set: "Relevance", choice: "Yes" },
    ]);
    expect(spacyCats(sets, labels)).toEqual({ Politics: 0, Economy: 0, "Topic/Other": 1, Yes: 1, No: 0, "Relevance/Other": 0 });
  });
  it("a name list for doccano and choices results per set for Label Studio", () => {
    const labels = docLabelsOf(sets, [
      { set: "Topic", choice: "Economy" },
      { set: "Topic", choice: "Politics" },
    ]);
    expect(doccanoCats(labels)).toEqual(["Politics", "Economy"]);
    expect(labelStudioChoices(labels, "d")).toEqual([
      { id: "d-doc-label-0", from_name: "Topic", to_name: "text", type: "choices", value: { choices: ["Politics", "Economy"] } },
    ]);
  });
});
