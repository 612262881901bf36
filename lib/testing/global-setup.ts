/** Vitest global setup of the integration projects: a fresh, migrated database per run, dropped after. */
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { migrate, ensurePostgresDatabase, dropPostgresDatabase } from "@/lib/db/migrate";
import { providerOf } from "@/lib/db/providers";
import { sqlitePath } from "@/lib/db/url";

export default async function setup(project: TestProject) {
  const url = project.config.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set for the integration project");
  const provider = providerOf(url);
  if (provider === "postgresql") {
    try {
      await ensurePostgresDatabase(url);
    } catch (err) {
      throw new Error(
        `PostgreSQL is not reachable at ${new URL(url).host} (${(err as Error).message}). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, or set TEST_POSTGRES_URL`,
      );
    }
  }
  await migrate(url);
  return async () => {
    if (provider === "postgresql") await dropPostgresDatabase(url);
    else for (const suffix of ["", "-wal", "-shm"]) rmSync(sqlitePath(url) + suffix, { force: true });
  };
}
