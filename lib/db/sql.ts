/**
 * Plain SQL on the process's own database connection, for the few queries
 * every request runs (token → user, the document, span writes with their
 * audit rows, the layer's span list). Prisma's client compiles each query
 * again on every call (its WASM query compiler) and its SQLite adapter
 * prepares each statement again; under load that was a third of the
 * server's CPU (see README, "Data path"). Here a statement is prepared once
 * per connection (better-sqlite3 statement cache, pg named statements) and
 * the rows are mapped by hand.
 *
 * It shares Prisma's connection (SQLite) or pool (PostgreSQL), so both see
 * the same data and the same limits; on SQLite a WriteGate keeps its
 * transactions and Prisma's apart. Write `?` for parameters and quote
 * identifiers ("Annotation"."layerId"): the text runs on both databases.
 */
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type pg from "pg";
import { databaseProvider } from "./url";
import type { WriteGate } from "./write-gate";

export type SqlConnection = { provider: "sqlite"; connection: () => Promise<Database.Database>; gate: WriteGate } | { provider: "postgresql"; pool: pg.Pool };

export interface Sql {
  readonly provider: "sqlite" | "postgresql";
  all<T>(text: string, params?: unknown[]): Promise<T[]>;
  one<T>(text: string, params?: unknown[]): Promise<T | undefined>;
  /** a write; resolves with the number of rows it changed */
  run(text: string, params?: unknown[]): Promise<number>;
  /** `fn` in one transaction (inside one already, simply `fn`) */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

/** A driver error as Prisma reports it where callers look (code P2002: unique constraint). */
export class SqlError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
  }
}

function mapError(err: unknown): unknown {
  const e = err as { code?: string; message?: string };
  if (e?.code === "SQLITE_CONSTRAINT_UNIQUE" || e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY" || e?.code === "23505") {
    return new SqlError("P2002", `Unique constraint failed: ${e.message}`, err);
  }
  return err;
}

// ---- values -----------------------------------------------------------------

/** DateTime columns as Prisma writes them: ISO with "+00:00" on SQLite, UTC wall time on PostgreSQL (timestamp(3)). */
function param(provider: Sql["provider"], v: unknown): unknown {
  if (v instanceof Date) return provider === "sqlite" ? v.toISOString().replace("Z", "+00:00") : v.toISOString().replace("T", " ").replace("Z", "");
  if (typeof v === "boolean" && provider === "sqlite") return v ? 1 : 0;
  return v === undefined ? null : v;
}

export const toDate = (v: unknown): Date => {
  if (v instanceof Date) return v;
  if (typeof v === "number") return new Date(v);
  const s = String(v);
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(s) ? s : s.replace(" ", "T") + "Z");
};
export const toDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : toDate(v));
export const toBool = (v: unknown): boolean => v === true || v === 1 || v === "1" || v === "t";
export const toInt = (v: unknown): number => Number(v);

// ---- SQLite -----------------------------------------------------------------

function sqliteSql(conn: Database.Database, gate: WriteGate): Sql {
  const cache = new Map<string, Database.Statement>();
  const prepared = (text: string) => {
    let stmt = cache.get(text);
    if (!stmt) {
      stmt = conn.prepare(text);
      if (stmt.reader) stmt.safeIntegers(false);
      cache.set(text, stmt);
    }
    return stmt;
  };
  const args = (params: unknown[]) => params.map((p) => param("sqlite", p));
  const exec = {
    all: <T>(text: string, params: unknown[] = []) => prepared(text).all(args(params)) as T[],
    one: <T>(text: string, params: unknown[] = []) => prepared(text).get(args(params)) as T | undefined,
    run: (text: string, params: unknown[] = []) => prepared(text).run(args(params)).changes,
  };
  const wrap = <T>(f: () => T): Promise<T> => {
    try {
      return Promise.resolve(f());
    } catch (err) {
      return Promise.reject(mapError(err));
    }
  };
  const inTx: Sql = {
    provider: "sqlite",
    all: (t, p) => wrap(() => exec.all(t, p)),
    one: (t, p) => wrap(() => exec.one(t, p)),
    run: (t, p) => wrap(() => exec.run(t, p)),
    transaction: (fn) => fn(inTx),
  };
  return {
    provider: "sqlite",
    all: inTx.all,
    one: inTx.one,
    // a lone write waits for any transaction on the connection, so that it is not taken into one
    run: (t, p) => gate.run(() => wrap(() => exec.run(t, p))),
    transaction: (fn) =>
      gate.run(async () => {
        exec.run("BEGIN IMMEDIATE");
        try {
          const result = await fn(inTx);
          exec.run("COMMIT");
          return result;
        } catch (err) {
          if (conn.inTransaction) exec.run("ROLLBACK");
          throw mapError(err);
        }
      }),
  };
}

// ---- PostgreSQL -------------------------------------------------------------

const TIMESTAMP = 1114;
const JSONB = 3802;
const types = {
  // timestamps stay text (UTC wall time), turned into Dates by toDate: pg would read them in the local time zone;
  // jsonb stays text too, as SQLite hands it back (lib/db/json-value.ts fromJsonText)
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP || oid === JSONB
      ? (s: string) => s
      : (pgTypes.getTypeParser as (o: number, f?: string) => unknown)(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};
let pgTypes: typeof pg.types;

const names = new Map<string, string>();
const nameOf = (text: string) => {
  let name = names.get(text);
  if (!name) names.set(text, (name = "m_" + createHash("sha1").update(text).digest("hex").slice(0, 16)));
  return name;
};

function dollars(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
const pgText = new Map<string, string>();
const converted = (text: string) => {
  let t = pgText.get(text);
  if (t === undefined) pgText.set(text, (t = dollars(text)));
  return t;
};

function pgSql(runner: pg.Pool | pg.PoolClient, pool: pg.Pool, inside: boolean): Sql {
  const q = async <T>(text: string, params: unknown[] = []) => {
    try {
      const res = await runner.query({ name: nameOf(text), text: converted(text), values: params.map((p) => param("postgresql", p)), types });
      return res as unknown as { rows: T[]; rowCount: number | null };
    } catch (err) {
      throw mapError(err);
    }
  };
  const self: Sql = {
    provider: "postgresql",
    all: async (t, p) => (await q(t, p)).rows as never,
    one: async (t, p) => (await q(t, p)).rows[0] as never,
    run: async (t, p) => (await q(t, p)).rowCount ?? 0,
    transaction: async (fn) => {
      if (inside) return fn(self);
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(pgSql(client, pool, true));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
  };
  return self;
}

// ---- the process's one instance ----------------------------------------------

const KEY = Symbol.for("marginalia.sql");
type Holder = { [KEY]?: Promise<Sql> };

/** The process's Sql, on the same connection (SQLite) or pool (PostgreSQL) as `db`. */
export function getSql(): Promise<Sql> {
  const g = globalThis as Holder;
  return (g[KEY] ??= (async () => {
    const { sqlConnection } = await import("@/lib/db");
    const c = sqlConnection();
    if (c.provider === "sqlite") return sqliteSql(await c.connection(), c.gate);
    pgTypes = (await import("pg")).default.types;
    return pgSql(c.pool, c.pool, false);
  })());
}

export const isSqlite = () => databaseProvider() === "sqlite";
