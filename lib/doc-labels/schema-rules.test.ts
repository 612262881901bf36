import { describe, expect, it } from "vitest";
import { schemaProblems, singleChoiceProblem } from "./schema-rules";

const set = (name: string, choices: [string, string | null, boolean?][], archived = false) => ({
  name,
  archived,
  choices: choices.map(([n, hotkey, a]) => ({ name: n, hotkey, archived: a ?? false })),
});

describe("document label schema rules", () => {
  it("accepts distinct names and keys", () => {
    expect(
      schemaProblems([
        set("Topic", [
          ["Politics", "P"],
          ["Sport", null],
        ]),
        set("Relevance", [
          ["Yes", "Y"],
          ["No", "N"],
        ]),
      ]),
    ).toEqual([]);
  });
  it("finds duplicate and lookalike names of sets and of choices within a set, not across sets", () => {
    expect(schemaProblems([set("Topic", []), set("TOPIC", [])])).toEqual([{ path: "sets.1.name", message: 'There are two sets named "TOPIC"' }]);
    expect(
      schemaProblems([
        set("Topic", [
          ["Sport", null],
          ["Sp\u043Ert", null],
        ]),
      ])[0].path,
    ).toBe("sets.0.choices.1.name");
    expect(schemaProblems([set("A", [["Other", null]]), set("B", [["Other", null]])])).toEqual([]);
  });
  it("keeps each key on one active choice of an active set", () => {
    expect(schemaProblems([set("A", [["x", "K"]]), set("B", [["y", "K"]])])).toEqual([
      { path: "sets.1.choices.0.hotkey", message: "Hotkey K is already used by A: x" },
    ]);
    expect(schemaProblems([set("A", [["x", "K", true]]), set("B", [["y", "K"]])])).toEqual([]);
    expect(schemaProblems([set("A", [["x", "K"]], true), set("B", [["y", "K"]])])).toEqual([]);
  });
  it("allows one choice per single-choice set", () => {
    const sets: Record<string, { name: string; multiple: boolean }> = {
      a: { name: "One", multiple: false },
      b: { name: "One", multiple: false },
      c: { name: "Many", multiple: true },
      d: { name: "Many", multiple: true },
    };
    const setOf = (id: string) => sets[id];
    expect(singleChoiceProblem(["a", "c", "d"], setOf)).toBeNull();
    expect(singleChoiceProblem(["a", "a"], setOf)).toBeNull();
    expect(singleChoiceProblem(["a", "b"], setOf)).toBe("One takes one choice; 2 were given");
  });
});
