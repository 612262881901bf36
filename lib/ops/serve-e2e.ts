/**
 * Playwright's web server: a fresh SQLite database with the seed corpus and
 * the production build, on its own port. Users are made by each test.
 */
import { rmSync, existsSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
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
  if (!existsSync(".next/BUILD_ID")) {
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const server = spawn("npx", ["next", "start", "-p", process.env.PORT ?? "3100"], { stdio: "inherit" });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err: Error) => {
  console.error(`e2e server failed: ${err.message}`);
  process.exit(1);
});
