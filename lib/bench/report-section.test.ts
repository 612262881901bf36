import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { replaceSection, writeSection } from "./report-section";

describe("BENCHMARKS.md sections", () => {
  it("replaces only its own section and adds a missing one at the end", () => {
    const both = replaceSection(replaceSection("", "bench", "# Benchmarks\nold"), "loadtest", "# Load test\nfirst");
    const again = replaceSection(both, "loadtest", "# Load test\nsecond");
    expect(again).toContain("# Benchmarks\nold");
    expect(again).toContain("# Load test\nsecond");
    expect(again).not.toContain("first");
    expect(replaceSection(again, "bench", "# Benchmarks\nnew")).toContain("# Load test\nsecond");
  });

  it("keeps a report written before the markers as the bench's section", () => {
    const file = join(mkdtempSync(join(tmpdir(), "sections-")), "BENCHMARKS.md");
    writeFileSync(file, "# Benchmarks\n\nfigures\n");
    writeSection(file, "loadtest", "# Load test\nnumbers");
    writeSection(file, "loadtest", "# Load test\nnewer");
    const text = readFileSync(file, "utf8");
    expect(text.indexOf("<!-- bench:start -->\n# Benchmarks")).toBe(0);
    expect(text).toContain("figures");
    expect(text).toContain("newer");
    expect(text).not.toContain("numbers");
  });
});
