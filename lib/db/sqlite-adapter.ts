/**
 * SQLite through better-sqlite3, with transactions that take the write lock
 * when they begin. Prisma's adapter opens them with a plain (deferred)
 * `BEGIN`: a transaction that reads, then writes, fails with
 * SQLITE_BUSY_SNAPSHOT when another process (a CLI import, a second
 * instance, a backup) wrote in between, and no busy timeout helps. With
 * `BEGIN IMMEDIATE` the lock is taken first, so a second writer waits (up to
 * the busy timeout) instead of failing.
 */
import type Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { sqlitePath } from "./url";
import { makeSqliteFilesPrivate, prepareSqliteFolder } from "./private-files";

/** How long a writer waits for another process's write lock before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

function beginImmediately(adapter: Adapter): Adapter {
  const client = (adapter as unknown as { client: Database.Database }).client;
  const prepare = client.prepare.bind(client);
  client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof client.prepare;
  return adapter;
}

export class ImmediateSqliteAdapter extends PrismaBetterSQLite3 {
  constructor(private readonly url: string) {
    super({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  }

  override async connect() {
    const file = sqlitePath(this.url);
    prepareSqliteFolder(file);
    const adapter = beginImmediately(await super.connect());
    makeSqliteFilesPrivate(file);
    return adapter;
  }
}
