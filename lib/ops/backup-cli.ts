/**
 * npm run backup [-- <file>]   a consistent copy of the live SQLite database (default data/backups/marginalia-<time>.db)
 * npm run restore -- <file>    puts a backup back (stop the server first)
 * PostgreSQL: use pg_dump / pg_restore (README, "Backups").
 */
import { join } from "node:path";
import { backupSqlite, restoreSqlite } from "@/lib/db/sqlite-backup";
import { databaseProvider, databaseUrl, sqlitePath } from "@/lib/db/url";
import { runScript } from "./run-script";

runScript(
  async () => {
    const [command, file] = process.argv.slice(2);
    if (databaseProvider() !== "sqlite") {
      console.error("DATABASE_URL is PostgreSQL: back it up with pg_dump -Fc and restore with pg_restore (see README, Backups).");
      return 2;
    }
    const database = sqlitePath(databaseUrl());
    if (command === "backup") {
      const target = file ?? join("data", "backups", `marginalia-${new Date().toISOString().replace(/[:.]/g, "-")}.db`);
      const { pages } = await backupSqlite(database, target);
      console.log(`backup: ${database} → ${target} (${pages} pages, integrity ok)`);
      return 0;
    }
    if (command === "restore" && file) {
      const { pages } = await restoreSqlite(file, database);
      console.log(`restore: ${file} → ${database} (${pages} pages); start the server again`);
      return 0;
    }
    console.error("usage: npm run backup [-- <file>] | npm run restore -- <file>");
    return 2;
  },
  { label: "backup" },
);
