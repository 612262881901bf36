import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";

const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };
const runId = randomBytes(4).toString("hex");
const pgBase = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432";
// next-auth imports "next/server" without an extension, which Node's ESM
// resolver refuses (next has no exports map); Vite resolves it when inlined.
const server = { deps: { inline: ["next-auth"] } };

// Unit tests are pure; integration tests run the same files once per database.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts"], exclude: ["**/*.int.test.ts", "**/*.team.test.ts"] },
      },
      {
        resolve: { alias },
        test: {
          name: "sqlite",
          include: ["lib/**/*.int.test.ts", "app/**/*.int.test.ts"],
          globalSetup: ["lib/testing/global-setup.ts"],
          server,
          env: { DATABASE_URL: `file:./data/test-${runId}.db`, AUTH_SECRET: "test-secret-" + runId, MARGINALIA_JOB_WORKER: "manual" },
          fileParallelism: false,
          testTimeout: 20000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "postgres",
          include: ["lib/**/*.int.test.ts", "app/**/*.int.test.ts"],
          globalSetup: ["lib/testing/global-setup.ts"],
          server,
          env: { DATABASE_URL: `${pgBase}/marginalia_test_${runId}`, AUTH_SECRET: "test-secret-" + runId, MARGINALIA_JOB_WORKER: "manual" },
          fileParallelism: false,
          testTimeout: 20000,
        },
      },
      {
        // Team mode: two `next start` instances on one fresh PostgreSQL database (needs a production build in .next).
        resolve: { alias },
        test: {
          name: "team",
          include: ["lib/**/*.team.test.ts"],
          env: { DATABASE_URL: `${pgBase}/marginalia_team_${runId}`, AUTH_SECRET: "team-secret-" + runId },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
