// Prisma CLI configuration (generate, migrate diff). The JS engine with a
// driver adapter keeps the CLI offline: it uses its bundled WASM schema
// engine instead of downloading a native one. PRISMA_PROVIDER picks the schema.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { schemaPath, placeholderUrl, type Provider } from "./lib/db/providers";

const provider: Provider = process.env.PRISMA_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
const url = process.env.DATABASE_URL ?? placeholderUrl(provider);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: schemaPath(provider),
  async adapter() {
    return provider === "sqlite" ? new PrismaBetterSQLite3({ url }) : new PrismaPg({ connectionString: url });
  },
});
