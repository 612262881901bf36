/**
 * `npm start`: migrate the database (SQLite file under data/ by default),
 * import the seeds and demo users once, build, and serve on port 3000.
 */
import { buildNext, runScript, serveNext } from "./run-script";
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
  console.log(
    `seed project "${corpus.project.name}": ${corpus.created} new of ${corpus.total} documents${assigned ? `, ${assigned} annotator seats assigned (2 per document)` : ""}`,
  );

  if (!process.argv.includes("--no-build")) buildNext();
  const port = process.env.PORT ?? "3000";
  console.log(`\nDemo logins (also in ${loginsFile}):`);
  for (const l of logins) console.log(`  ${l.role.padEnd(9)} ${l.email.padEnd(30)} ${l.password}`);
  console.log(`\nMarginalia is starting at http://localhost:${port}\n`);
  return serveNext(port);
}

runScript(main, { label: "start failed" });
