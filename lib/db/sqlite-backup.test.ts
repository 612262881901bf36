import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { backupSqlite, restoreSqlite } from "./sqlite-backup";

const count = (file: string) => {
  const c = new Database(file, { readonly: true });
  try {
    return (c.prepare("SELECT count(*) AS n FROM t").get() as { n: number }).n;
  } finally {
    c.close();
  }
};

describe("SQLite backup and restore", () => {
  it("copies a consistent snapshot while another connection keeps writing, and restores it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "marginalia-backup-"));
    try {
      const file = join(dir, "live.db");
      const live = new Database(file);
      live.pragma("journal_mode = WAL");
      live.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
      const insert = live.prepare("INSERT INTO t (body) VALUES (?)");
      live.transaction(() => {
        for (let i = 0; i < 20_000; i++) insert.run(`row ${i} ${"x".repeat(100)}`);
      })();
      let written = 0;
      const writer = setInterval(() => {
        live.transaction(() => {
          for (let i = 0; i < 50; i++) insert.run("during the backup");
        })();
        written += 50;
      }, 1);
      const backup = join(dir, "backups", "copy.db");
      const { pages } = await backupSqlite(file, backup).finally(() => clearInterval(writer));
      expect(pages).toBeGreaterThan(100);
      const copied = count(backup);
      expect(copied).toBeGreaterThanOrEqual(20_000);
      expect(copied).toBeLessThanOrEqual(20_000 + written);
      expect(statSync(backup).mode & 0o777).toBe(0o600);
      await expect(backupSqlite(file, backup)).rejects.toThrow(/exists/);

      live.exec("DELETE FROM t");
      live.close();
      await restoreSqlite(backup, file);
      expect(count(file)).toBe(copied);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
