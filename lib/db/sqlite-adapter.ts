/**
 * SQLite through better-sqlite3, with transactions that take the write lock
 * when they begin. Prisma's adapter opens them with a plain (deferred)
 * `BEGIN`: a transaction that reads, then writes, fails with
 * SQLITE_BUSY_SNAPSHOT when another process (a CLI import, a second
 * instance, a backup) wrote in between, and no busy timeout helps. With
 * `BEGIN IMMEDIATE` the lock is taken first, so a second writer waits (up to
 * the busy timeout) instead of failing.
 *
 * The connection is shared with the SQL hot paths (lib/db/sql.ts): each of
 * Prisma's transactions holds the WriteGate from its start to its commit or
 * rollback, as theirs do.
 */
import type Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { WriteGate } from "./write-gate";
import { sqlitePath } from "./url";
import { makeSqliteFilesPrivate, prepareSqliteFolder } from "./private-files";

/** How long a writer waits for another process's write lock before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

function beginImmediately(client: Database.Database) {
  const prepare = client.prepare.bind(client);
  client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof client.prepare;
}

function gated(adapter: Adapter, gate: WriteGate): Adapter {
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const release = await gate.acquire();
    let tx: Transaction;
    try {
      tx = await start(isolationLevel);
    } catch (err) {
      release();
      throw err;
    }
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    tx.commit = () => commit().finally(release);
    tx.rollback = () => rollback().finally(release);
    return tx;
  };
  return adapter;
}

export class ImmediateSqliteAdapter extends PrismaBetterSQLite3 {
  readonly gate = new WriteGate();
  private resolveConnection!: (c: Database.Database) => void;
  /** the better-sqlite3 connection, once Prisma has opened it */
  readonly connection = new Promise<Database.Database>((r) => (this.resolveConnection = r));

  constructor(private readonly url: string) {
    super({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  }

  override async connect() {
    const file = sqlitePath(this.url);
    prepareSqliteFolder(file);
    const adapter = await super.connect();
    const client = (adapter as unknown as { client: Database.Database }).client;
    beginImmediately(client);
    makeSqliteFilesPrivate(file);
    this.resolveConnection(client);
    return gated(adapter, this.gate);
  }
}
