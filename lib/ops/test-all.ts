/**
 * `npm test`: the whole suite, in the order that fails fastest.
 * types → lint and format → unit → integration on SQLite and PostgreSQL →
 * production build → two instances and the crash drills (team mode) → e2e in
 * Chromium.
 */
import { spawnSync } from "node:child_process";
import { findChromium, INSTALL_HINT } from "./find-browser";

const steps: [string, string[]][] = [
  ["types", ["tsc", "--noEmit"]],
  ["lint (ESLint)", ["eslint", ".", "--max-warnings", "0"]],
  ["format (Prettier)", ["prettier", "--check", "."]],
  ["unit tests", ["vitest", "run", "--project", "unit"]],
  ["integration tests (SQLite, PostgreSQL)", ["vitest", "run", "--project", "sqlite", "--project", "postgres"]],
  ["production build", ["next", "build"]],
  ["team mode: two instances on PostgreSQL, crash drills on both databases", ["vitest", "run", "--project", "team"]],
  ["browser tests (Chromium)", ["playwright", "test"]],
];

if (!findChromium()) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
for (const [name, args] of steps) {
  console.log(`\n▶ ${name}: npx ${args.join(" ")}`);
  const run = spawnSync("npx", args, { stdio: "inherit", env: process.env });
  if (run.status !== 0) {
    console.error(`\n✗ ${name} failed`);
    process.exit(run.status ?? 1);
  }
}
console.log("\n✓ all test steps passed");
