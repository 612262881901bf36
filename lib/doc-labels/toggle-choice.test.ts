import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { toggledChoices } from "./toggle-choice";
import { singleChoiceProblem } from "./schema-rules";

const sets = [
  { id: "one", multiple: false, choices: [{ id: "a" }, { id: "b" }, { id: "c" }] },
  { id: "many", multiple: true, choices: [{ id: "x" }, { id: "y" }] },
];

describe("toggling a document label", () => {
  it("replaces the other choice of a single-choice set, and clears it when toggled again", () => {
    expect(toggledChoices(sets, ["a", "x"], "b")).toEqual(["x", "b"]);
    expect(toggledChoices(sets, ["b", "x"], "b")).toEqual(["x"]);
  });
  it("adds and removes in a multiple-choice set", () => {
    expect(toggledChoices(sets, ["x"], "y")).toEqual(["x", "y"]);
    expect(toggledChoices(sets, ["x", "y"], "x")).toEqual(["y"]);
  });
  it("only removes choices of no listed set", () => {
    expect(toggledChoices(sets, ["old", "a"], "old")).toEqual(["a"]);
    expect(toggledChoices(sets, ["a"], "gone")).toEqual(["a"]);
  });
  it("never leaves two choices in a single-choice set, whatever the sequence of toggles", () => {
    const setOf = (id: string) => sets.map((s) => ({ name: s.id, multiple: s.multiple, ids: s.choices.map((c) => c.id) })).find((s) => s.ids.includes(id));
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "c", "x", "y"), { maxLength: 30 }), (toggles) => {
        let chosen: string[] = [];
        for (const t of toggles) chosen = toggledChoices(sets, chosen, t);
        expect(singleChoiceProblem(chosen, setOf)).toBeNull();
        expect(new Set(chosen).size).toBe(chosen.length);
      }),
    );
  });
});
