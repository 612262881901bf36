/**
 * Generates the Prisma client for both providers (TypeScript, no native
 * engine). Runs after `npm install`. Prisma's own install scripts are denied
 * in package.json because they try to download engines.
 */
import { execFileSync } from "node:child_process";
import { PROVIDERS, placeholderUrl } from "../db/providers";

for (const provider of PROVIDERS) {
  execFileSync("npx", ["prisma", "generate", "--no-hints"], {
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_PROVIDER: provider,
      DATABASE_URL: placeholderUrl(provider),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
}
