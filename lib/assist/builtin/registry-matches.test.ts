import { describe, expect, it } from "vitest";
import { RegistryIndex } from "./registry-matches";

const index = new RegistryIndex([
  { id: "is", name: "Islamic State", type: "ORG", aliases: ["IS", "ISIS", "Daesh"] },
  { id: "lavrov", name: "Sergey Lavrov", type: "PERSON", aliases: ["Sergey V. Lavrov", "Lavrov"] },
  { id: "us", name: "United States", type: "GPE", aliases: ["U.S."] },
]);
const found = (text: string) => index.find(text).map((m) => [text.slice(m.from, m.to), m.entityId]);

describe("RegistryIndex", () => {
  it("finds names and aliases as whole words, case-sensitively", () => {
    expect(found("IS is ISIS, not THIS or ISISes; Daesh’s fighters")).toEqual([
      ["IS", "is"],
      ["ISIS", "is"],
      ["Daesh", "is"],
    ]);
  });

  it("takes the longest alias where several start, and any blank run for a space", () => {
    expect(found("Sergey V.\u00a0Lavrov met Lavrov; the Islamic  State")).toEqual([
      ["Sergey V.\u00a0Lavrov", "lavrov"],
      ["Lavrov", "lavrov"],
      ["Islamic  State", "is"],
    ]);
    expect(found("Islamic\nState")).toEqual([]);
  });

  it("ends an alias that ends in a dot wherever it ends", () => {
    expect(found("the U.S.-led and U.S.led coalition")).toEqual([
      ["U.S.", "us"],
      ["U.S.", "us"],
    ]);
  });

  it("looks only inside the range it is given", () => {
    const text = "ISIS and Daesh";
    expect(index.find(text, 1, text.length).map((m) => text.slice(m.from, m.to))).toEqual(["Daesh"]);
  });
});
