import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { LabelName, labelNameProblem, lookalikeOf } from "./label-name";

const refused = (s: string) => !LabelName.safeParse(s).success;

describe("the label name rule", () => {
  it("accepts ordinary names in any script, normalized to NFC and trimmed", () => {
    expect(LabelName.parse("  PERSON ")).toBe("PERSON");
    expect(LabelName.parse("CITED_SOURCE")).toBe("CITED_SOURCE");
    expect(LabelName.parse("Персона")).toBe("Персона");
    expect(LabelName.parse("Cre\u0300me")).toBe("Crème");
  });

  it("refuses invisible, control and direction characters, commas and overlong names", () => {
    for (const bad of [
      "PERSON\u200b",
      "PER\u202eNOS",
      "A\u0000B",
      "A\u001bB",
      "A\u2028B",
      "A\u2066B\u2069",
      "OR\ufeffG",
      "ORG,GPE",
      "x".repeat(41),
      "   ",
      "A\ue000",
    ]) {
      expect(refused(bad), JSON.stringify(bad)).toBe(true);
    }
    expect(labelNameProblem("PER\u202eNOS")).toContain("U+202E");
    expect(LabelName.safeParse("x".repeat(40)).success).toBe(true);
  });

  it("refuses any name with a format or control character wherever it sits", () => {
    const hidden = fc.constantFrom("\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u0007", "\u007f", "\u0085");
    fc.assert(fc.property(fc.string({ maxLength: 10 }), hidden, fc.string({ maxLength: 10 }), (a, h, b) => refused(`X${a}${h}${b}X`)));
  });

  it("finds lookalikes across scripts and case, but not different names", () => {
    const labels = [{ name: "PERSON" }, { name: "ORG" }];
    expect(lookalikeOf("\u0420\u0415RSON", labels)?.name).toBe("PERSON"); // Cyrillic Р and Е
    expect(lookalikeOf("person", labels)?.name).toBe("PERSON");
    expect(lookalikeOf("ＯＲＧ", labels)?.name).toBe("ORG"); // fullwidth
    expect(lookalikeOf("PERSONS", labels)).toBeUndefined();
    expect(lookalikeOf("GPE", labels)).toBeUndefined();
  });
});
