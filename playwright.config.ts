import { defineConfig, devices } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { findChromium, INSTALL_HINT } from "./lib/ops/find-browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// Shared with the web server and the tests' CLI calls (workers load this file too).
process.env.DATABASE_URL ??= "file:./data/e2e.db";
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");

const executablePath = findChromium();
if (!executablePath) throw new Error(INSTALL_HINT);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    viewport: { width: 1360, height: 860 },
    launchOptions: { executablePath },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1360, height: 860 }, launchOptions: { executablePath } } }],
  webServer: {
    command: "npx tsx lib/ops/serve-e2e.ts",
    url: `http://localhost:${PORT}/signin`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: { PORT: String(PORT), DATABASE_URL: process.env.DATABASE_URL, AUTH_SECRET: process.env.AUTH_SECRET },
    stdout: "pipe",
  },
});
