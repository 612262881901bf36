/**
 * The load test's own connection to the database, straight through the
 * driver (better-sqlite3 / pg), never through the product's code: to check
 * what the server acknowledged, and to measure the raw-driver baseline of a
 * span insert with its audit row.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { providerOf } from "@/lib/db/providers";
import { sqlitePath } from "@/lib/db/url";

export type DirectDb = {
  provider: "sqlite" | "postgresql";
  /** `?` placeholders on both databases */
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** a statement that returns no rows */
  run(sql: string, params?: unknown[]): Promise<void>;
  /** one span and its audit row in one transaction, as the API writes them */
  insertSpanWithAudit(row: RawSpan): Promise<void>;
  close(): Promise<void>;
};

export type RawSpan = {
  layerId: string;
  labelId: string;
  start: number;
  end: number;
  text: string;
  createdById: string;
  projectId: string;
  documentId: string;
};

const toDollars = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

const newId = () => "c" + randomBytes(12).toString("hex");

const INSERT_SPAN = `INSERT INTO "Annotation" ("id","layerId","start","end","text","labelId","createdById","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?)`;
const INSERT_AUDIT = `INSERT INTO "AuditEvent" ("id","projectId","documentId","actorId","subject","subjectId","action","before","after","createdAt") VALUES (?,?,?,?,'ANNOTATION',?,'CREATE',NULL,?,?)`;

function spanParams(r: RawSpan, id: string, now: unknown) {
  return [id, r.layerId, r.start, r.end, r.text, r.labelId, r.createdById, now, now];
}
function auditParams(r: RawSpan, id: string, now: unknown) {
  const after = JSON.stringify({ start: r.start, end: r.end, text: r.text, label: "PERSON", entityId: null, version: 1 });
  return [newId(), r.projectId, r.documentId, r.createdById, id, after, now];
}

export async function openDirectDb(url: string, opts: { poolSize?: number } = {}): Promise<DirectDb> {
  if (providerOf(url) === "sqlite") {
    const conn = new Database(sqlitePath(url), { timeout: 10_000 });
    const span = conn.prepare(INSERT_SPAN);
    const audit = conn.prepare(INSERT_AUDIT);
    const insert = conn.transaction((r: RawSpan) => {
      const id = newId();
      // the format Prisma's adapter writes DateTime in
      const now = new Date().toISOString().replace("Z", "+00:00");
      span.run(spanParams(r, id, now));
      audit.run(auditParams(r, id, now));
    });
    return {
      provider: "sqlite",
      all: async <T>(sql: string, params: unknown[] = []) => conn.prepare(sql).all(...params) as T[],
      run: async (sql: string, params: unknown[] = []) => {
        conn.prepare(sql).run(...params);
      },
      insertSpanWithAudit: async (r) => {
        insert.immediate(r);
      },
      close: async () => {
        conn.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  return {
    provider: "postgresql",
    all: async <T>(sql: string, params: unknown[] = []) => (await pool.query(toDollars(sql), params)).rows as T[],
    run: async (sql: string, params: unknown[] = []) => {
      await pool.query(toDollars(sql), params);
    },
    insertSpanWithAudit: async (r) => {
      const client = await pool.connect();
      try {
        const id = newId();
        const now = new Date();
        await client.query("BEGIN");
        await client.query({ name: "lt-span", text: toDollars(INSERT_SPAN), values: spanParams(r, id, now) });
        await client.query({ name: "lt-audit", text: toDollars(INSERT_AUDIT), values: auditParams(r, id, now) });
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
