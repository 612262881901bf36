/**
 * `npm start`: migrate the database (SQLite file under data/ by default),
 * import the seeds and demo users once, build, and serve on port 3000.
 */
import { spawn, spawnSync } from "node:child_process";
import { migrate } from "@/lib/db/migrate";
import { databaseUrl, databaseProvider } from "@/lib/db/url";
import { ensureAuthSecret } from "./auth-secret";

async function main() {
  const url = databaseUrl();
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET = ensureAuthSecret();
  const applied = await migrate(url);
  console.log(`database (${databaseProvider()}): ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);

  const { seedDemo } = await import("@/lib/seed/seed-demo");
  const { logins, corpus, loginsFile, assigned } = await seedDemo();
  console.log(`seed project "${corpus.project.name}": ${corpus.created} new of ${corpus.total} documents${assigned ? `, ${assigned} annotator seats assigned (2 per document)` : ""}`);

  if (!process.argv.includes("--no-build")) {
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const port = process.env.PORT ?? "3000";
  console.log(`\nDemo logins (also in ${loginsFile}):`);
  for (const l of logins) console.log(`  ${l.role.padEnd(9)} ${l.email.padEnd(30)} ${l.password}`);
  console.log(`\nMarginalia is starting at http://localhost:${port}\n`);
  const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env: process.env });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err: Error) => {
  console.error(`start failed: ${err.message}`);
  process.exit(1);
});
