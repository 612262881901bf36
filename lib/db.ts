/**
 * The one Prisma client. The provider follows DATABASE_URL: a "file:" URL is
 * SQLite (the embedded default), "postgresql://" is team mode. Both generated
 * clients share one model, so the rest of the code sees one type.
 *
 * The hot paths' plain SQL (lib/db/sql.ts) runs on the same connection or
 * pool: `sqlConnection()`.
 */
import pg from "pg";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { ImmediateSqliteAdapter } from "@/lib/db/sqlite-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl, databaseProvider } from "@/lib/db/url";
import type { SqlConnection } from "@/lib/db/sql";

export type Db = SqliteClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

type Client = { db: Db; connection: SqlConnection };

function createClient(): Client {
  const url = databaseUrl();
  if (databaseProvider() === "sqlite") {
    const adapter = new ImmediateSqliteAdapter(url);
    const db = new SqliteClient({ adapter });
    return {
      db,
      connection: {
        provider: "sqlite",
        gate: adapter.gate,
        // Prisma opens its connection on the first query
        connection: async () => {
          await db.$connect();
          return adapter.connection;
        },
      },
    };
  }
  // Same models and queries; only a few option types (isolation levels) differ.
  const pool = new pg.Pool({ connectionString: url });
  // An idle connection that PostgreSQL ends (a restart, pg_terminate_backend) is an 'error' on the pool: without a
  // listener it would be an uncaught exception that takes the server down. The pool replaces the connection itself.
  pool.on("error", (err) => console.warn(`[db] an idle PostgreSQL connection ended: ${err.message}`));
  const db = new PostgresClient({ adapter: new PrismaPg(pool) }) as unknown as Db;
  return { db, connection: { provider: "postgresql", pool } };
}

const globalForDb = globalThis as unknown as { marginaliaDb?: Client };

const client: Client = globalForDb.marginaliaDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.marginaliaDb = client;

export const db: Db = client.db;
/** The connection (SQLite) or pool (PostgreSQL) under `db`, for lib/db/sql.ts. */
export const sqlConnection = (): SqlConnection => client.connection;
