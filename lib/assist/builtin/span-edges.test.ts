import { describe, expect, it } from "vitest";
import { trimEdges, type SpanKind } from "./span-edges";

const trimmed = (s: string, kind: SpanKind = "name") => {
  const [from, to] = trimEdges(s, 0, s.length, kind);
  return s.slice(from, to);
};

describe("trimEdges", () => {
  it("takes off possessives, sentence punctuation, quotes and brackets", () => {
    expect(trimmed("Iraq’s")).toBe("Iraq");
    expect(trimmed("Russia's")).toBe("Russia");
    expect(trimmed("Iran.")).toBe("Iran");
    expect(trimmed("“Moscow,”")).toBe("Moscow");
    expect(trimmed("(IS)")).toBe("IS");
    expect(trimmed("  Syria \u00a0")).toBe("Syria");
    expect(trimmed("Iran\ufeff")).toBe("Iran");
  });

  it("keeps abbreviation dots and takes off a hyphened lower-case word", () => {
    expect(trimmed("U.S.")).toBe("U.S.");
    expect(trimmed("U.S.-led")).toBe("U.S.");
    expect(trimmed("Baghdad-based")).toBe("Baghdad");
    expect(trimmed("al-Abadi")).toBe("al-Abadi");
    expect(trimmed("Sergey V.")).toBe("Sergey V.");
  });

  it("keeps a currency sign and a percent sign on quantities only", () => {
    expect(trimmed("($650 million)", "quantity")).toBe("$650 million");
    expect(trimmed("100%", "quantity")).toBe("100%");
    expect(trimmed("100%", "name")).toBe("100");
  });

  it("leaves nothing of punctuation alone, and does not split an emoji", () => {
    expect(trimmed("—")).toBe("");
    expect(trimmed("😀 Iran 😀")).toBe("Iran");
  });
});
