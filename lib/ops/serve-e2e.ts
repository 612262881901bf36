/**
 * Playwright's web server: a fresh SQLite database with the seed corpus and
 * the production build, on its own port. Users are made by each test.
 */
import { rmSync, existsSync } from "node:fs";
import { buildNext, runScript, serveNext } from "./run-script";
import { migrate } from "@/lib/db/migrate";
import { databaseUrl, sqlitePath } from "@/lib/db/url";

async function main() {
  const url = databaseUrl();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(sqlitePath(url) + suffix, { force: true });
  await migrate(url);
  const { createUser } = await import("@/lib/users/create-user");
  const { seedCorpus } = await import("@/lib/seed/seed-corpus");
  const owner = await createUser({ email: "e2e-owner@test.local", name: "E2E Owner", role: "ADMIN", password: `pw-${Date.now()}-${Math.random()}` });
  const corpus = await seedCorpus({ actor: { id: owner.id, email: owner.email, name: owner.name, role: "ADMIN" } });
  const { seedEntities } = await import("@/lib/seed/seed-entities");
  await seedEntities({ actor: { id: owner.id, email: owner.email, name: owner.name, role: "ADMIN" }, projectId: corpus.project.id });
  if (!existsSync(".next/BUILD_ID")) buildNext();
  return serveNext(process.env.PORT ?? "3100");
}

runScript(main, { label: "e2e server failed" });
