import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_BUILTIN_OPTIONS } from "./builtin-recognizer";
import { evaluateOnSeeds, renderEvaluation, withEvaluation } from "./evaluate";

describe("the built-in recognizer on the seed gold", () => {
  it("scores what README.md says (refresh with npm run eval:builtin -- --write)", async () => {
    const readme = readFileSync(join(process.cwd(), "README.md"), "utf8");
    expect(withEvaluation(readme, await renderEvaluation())).toBe(readme);
  }, 120_000);

  it("stays above the floors measured when the default was chosen", async () => {
    const withRegistry = await evaluateOnSeeds(DEFAULT_BUILTIN_OPTIONS);
    const alone = await evaluateOnSeeds({ ...DEFAULT_BUILTIN_OPTIONS, registry: false });
    expect(withRegistry.exact.f1).toBeGreaterThanOrEqual(0.95);
    expect(alone.exact.f1).toBeGreaterThanOrEqual(0.8);
    for (const label of ["PERSON", "ORG", "GPE", "NORP", "DATE"]) expect(withRegistry.exact.perLabel[label].f1, label).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
