import { describe, expect, it } from "vitest";
import { MAX_DESCRIPTION_CHARS, MAX_GUIDELINES_CHARS, shorten, systemPrompt } from "./prompt";

const labels = [
  { name: "PERSON", description: "People named by name.", kind: "ENTITY" as const },
  { name: "CITED_SOURCE", description: "A source the text cites.", kind: "CITED_SOURCE" as const },
];

describe("the prompt", () => {
  it("names every label with its description, the guidelines and the rules of the answer", () => {
    const p = systemPrompt(labels, "Tag titles with the person.");
    expect(p).toContain("- PERSON (entity): People named by name.");
    expect(p).toContain("- CITED_SOURCE (cited source): A source the text cites.");
    expect(p).toContain("<guidelines>\nTag titles with the person.\n</guidelines>");
    expect(p).toMatch(/copied from the passage exactly/);
    expect(p).toMatch(/"occurrence"/);
    expect(p).toMatch(/no character offsets/);
  });

  it("leaves out empty guidelines", () => {
    expect(systemPrompt(labels, "  \n")).not.toContain("<guidelines>");
  });

  it("bounds long guidelines and descriptions", () => {
    const guidelines = Array.from({ length: 400 }, (_, i) => `Rule ${i}: annotate carefully.`).join("\n\n");
    const long = [{ name: "X", description: "word ".repeat(500), kind: "ENTITY" as const }];
    const p = systemPrompt(long, guidelines);
    const g = p.slice(p.indexOf("<guidelines>\n") + 13, p.indexOf("\n</guidelines>"));
    expect(g.length).toBeLessThanOrEqual(MAX_GUIDELINES_CHARS);
    expect(g).toMatch(/annotate carefully\.\n\[… the guidelines go on; shortened here\]$/);
    const line = p.split("\n").find((l) => l.startsWith("- X"))!;
    expect(line.length).toBeLessThan(MAX_DESCRIPTION_CHARS + 20);
  });
});

describe("shorten", () => {
  it("keeps short text and never cuts a surrogate pair", () => {
    expect(shorten("  short  ", 10)).toBe("short");
    expect(shorten("😀".repeat(10), 6)).toBe("😀😀…");
    expect(shorten("alpha beta gamma delta", 13)).toBe("alpha beta…");
  });
});
