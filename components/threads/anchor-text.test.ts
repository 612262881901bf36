import { describe, expect, it } from "vitest";
import { anchorText } from "./anchor-text";

describe("anchorText", () => {
  it("says what a thread is about", () => {
    expect(anchorText({ kind: "document", id: null, layerId: null })).toBe("The whole document");
    expect(anchorText({ kind: "span", id: "a", layerId: "l", text: "Baghdad", label: "GPE", start: 1, end: 8 })).toBe("“Baghdad” · GPE");
    expect(anchorText({ kind: "stance", id: "s", layerId: "l", holder: "John Kerry", target: "the ceasefire", polarity: "FAVOR" })).toBe(
      "Stance: John Kerry → the ceasefire (favor)",
    );
    expect(anchorText({ kind: "grade", id: "g", layerId: "l", text: "Interfax", reliability: "B", credibility: 2 })).toBe("Grade B2 of “Interfax”");
  });
});
