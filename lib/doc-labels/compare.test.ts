import { describe, expect, it } from "vitest";
import { agreedChoices, compareSet } from "./compare";

const single = {
  id: "rel",
  name: "Relevance",
  multiple: false,
  choices: [
    { id: "yes", name: "Yes" },
    { id: "no", name: "No" },
  ],
};
const multi = {
  id: "topic",
  name: "Topic",
  multiple: true,
  choices: [
    { id: "pol", name: "Politics" },
    { id: "eco", name: "Economy" },
  ],
};
const none = new Set<string>();

describe("comparing document labels", () => {
  it("marks a set agreed when every layer made the same choices in it", () => {
    const c = compareSet(multi, [
      { id: "A", choiceIds: ["eco", "pol", "yes"] },
      { id: "B", choiceIds: ["pol", "eco"] },
    ]);
    expect(c.agreed).toBe(true);
    expect(c.support).toEqual({ eco: ["A", "B"], pol: ["A", "B"] });
    expect(c.byLayer.A).toEqual(["eco", "pol"]);
    expect(
      compareSet(multi, [
        { id: "A", choiceIds: ["pol"] },
        { id: "B", choiceIds: ["pol", "eco"] },
      ]).agreed,
    ).toBe(false);
    // nobody chose: nothing to agree on
    expect(
      compareSet(single, [
        { id: "A", choiceIds: [] },
        { id: "B", choiceIds: [] },
      ]).agreed,
    ).toBe(false);
  });
  it("merges unanimous choices, a majority when asked, never a rejected one, and one choice at most in a single-choice set", () => {
    const layers = [
      { id: "A", choiceIds: ["yes", "pol"] },
      { id: "B", choiceIds: ["yes", "pol", "eco"] },
      { id: "C", choiceIds: ["no", "pol", "eco"] },
    ];
    const opts = { layers: 3, gold: [] as string[], rejected: none };
    expect(agreedChoices(multi, compareSet(multi, layers), { ...opts, threshold: "unanimous" })).toEqual(["pol"]);
    expect(agreedChoices(multi, compareSet(multi, layers), { ...opts, threshold: "majority" }).sort()).toEqual(["eco", "pol"]);
    expect(agreedChoices(multi, compareSet(multi, layers), { ...opts, threshold: "majority", rejected: new Set(["eco"]) })).toEqual(["pol"]);
    expect(agreedChoices(multi, compareSet(multi, layers), { ...opts, threshold: "majority", gold: ["pol"] })).toEqual(["eco"]);
    expect(agreedChoices(single, compareSet(single, layers), { ...opts, threshold: "unanimous" })).toEqual([]);
    expect(agreedChoices(single, compareSet(single, layers), { ...opts, threshold: "majority" })).toEqual(["yes"]);
    // gold already holds the set's choice: the reviewer's decision stands
    expect(agreedChoices(single, compareSet(single, layers), { ...opts, threshold: "majority", gold: ["no"] })).toEqual([]);
  });
});
