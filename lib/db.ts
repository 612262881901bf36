/**
 * The one Prisma client. The provider follows DATABASE_URL: a "file:" URL is
 * SQLite (the embedded default), "postgresql://" is team mode. Both generated
 * clients share one model, so the rest of the code sees one type.
 */
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { ImmediateSqliteAdapter } from "@/lib/db/sqlite-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl, databaseProvider } from "@/lib/db/url";

export type Db = SqliteClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function createClient(): Db {
  const url = databaseUrl();
  if (databaseProvider() === "sqlite") {
    return new SqliteClient({ adapter: new ImmediateSqliteAdapter(url) });
  }
  // Same models and queries; only a few option types (isolation levels) differ.
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { marginaliaDb?: Db };

export const db: Db = globalForDb.marginaliaDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.marginaliaDb = db;
