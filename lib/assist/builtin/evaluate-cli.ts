/**
 * npm run eval:builtin — the built-in recognizer against the seed gold, as
 * Markdown tables; `-- --write` puts them into README.md between their markers.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { renderEvaluation, withEvaluation } from "./evaluate";

async function main() {
  const tables = await renderEvaluation();
  console.log(tables);
  if (process.argv.includes("--write")) {
    const path = new URL("../../../README.md", import.meta.url);
    const before = readFileSync(path, "utf8");
    const after = withEvaluation(before, tables);
    if (after !== before) writeFileSync(path, after);
    console.log(after === before ? "README.md: evaluation already up to date" : "README.md: evaluation written");
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
