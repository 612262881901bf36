/**
 * Applies the checked-in Prisma migration files (prisma/<provider>/migrations)
 * in order, each in its own transaction, and records them in
 * `_marginalia_migrations`. Our own small runner because Prisma's migrate
 * engine cannot run offline on PostgreSQL with the versions that work here
 * (see ../shared/docs/STACK.md). Safe to run from several instances at once
 * on PostgreSQL (advisory lock).
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, migrationsDir, type Provider } from "@/lib/db/providers";
import { sqlitePath } from "@/lib/db/url";
import { makeSqliteFilesPrivate, prepareSqliteFolder } from "@/lib/db/private-files";

type Migration = { name: string; sql: string };

export function listMigrations(provider: Provider, root = process.cwd()): Migration[] {
  const dir = join(root, migrationsDir(provider));
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name, "migration.sql"), "utf8") }));
}

/** Returns the names of the migrations it applied. */
export async function migrate(url: string, root = process.cwd()): Promise<string[]> {
  const provider = providerOf(url);
  const migrations = listMigrations(provider, root);
  return provider === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}

function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const file = sqlitePath(url);
  prepareSqliteFolder(file);
  const conn = new Database(file);
  makeSqliteFilesPrivate(file);
  try {
    conn.pragma("journal_mode = WAL");
    conn.exec(`CREATE TABLE IF NOT EXISTS "_marginalia_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`);
    const done = new Set(conn.prepare(`SELECT "name" FROM "_marginalia_migrations"`).pluck().all() as string[]);
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      conn.transaction(() => {
        conn.exec(m.sql);
        conn.prepare(`INSERT INTO "_marginalia_migrations" ("name", "appliedAt") VALUES (?, ?)`).run(m.name, new Date().toISOString());
      })();
      applied.push(m.name);
    }
    return applied;
  } finally {
    conn.close();
  }
}

const LOCK_KEY = 7_202_611; // any constant shared by all instances

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_marginalia_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TIMESTAMPTZ NOT NULL)`);
    const { rows } = await client.query<{ name: string }>(`SELECT "name" FROM "_marginalia_migrations"`);
    const done = new Set(rows.map((r) => r.name));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_marginalia_migrations" ("name", "appliedAt") VALUES ($1, now())`, [m.name]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Runs `fn` on the server's maintenance database with the name of the database in `url`. */
async function withMaintenanceClient(url: string, fn: (client: pg.Client, name: string) => Promise<void>) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unsupported database name "${name}"`);
  target.pathname = "/postgres";
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await fn(client, name);
  } finally {
    await client.end();
  }
}

/** Creates a PostgreSQL database if it does not exist (team setup, tests). */
export function ensurePostgresDatabase(url: string): Promise<void> {
  return withMaintenanceClient(url, async (client, name) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  });
}

export function dropPostgresDatabase(url: string): Promise<void> {
  return withMaintenanceClient(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
