/**
 * The migration to enums and Json columns keeps the data: a database at the
 * previous migration, with rows in every changed column, is migrated, and
 * the rows read back the same (as enum and jsonb values on PostgreSQL), both
 * with plain SQL and through the generated Prisma client.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { dropPostgresDatabase, ensurePostgresDatabase, listMigrations, migrate } from "./migrate";
import { ImmediateSqliteAdapter } from "./sqlite-adapter";
import { migrationsDir, providerOf } from "@/lib/db/providers";

const MIGRATION = "20261202120000_enums_and_json";
const provider = providerOf(process.env.DATABASE_URL!);
const root = mkdtempSync(join(tmpdir(), "marginalia-migration-"));
const url =
  provider === "sqlite"
    ? `file:${join(root, "old.db")}`
    : (() => {
        const u = new URL(process.env.DATABASE_URL!);
        u.pathname = `${u.pathname.slice(1)}_enums`;
        return u.toString();
      })();

afterAll(async () => {
  if (provider === "postgresql") await dropPostgresDatabase(url);
  rmSync(root, { recursive: true, force: true });
});

/** The migrations before MIGRATION, as a project root of their own. */
function previousMigrations() {
  const before = listMigrations(provider).filter((m) => m.name < MIGRATION);
  expect(before.length).toBeGreaterThan(0);
  for (const m of before) {
    const dir = join(root, migrationsDir(provider), m.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), m.sql);
  }
  return root;
}

const now = "2026-12-01T10:00:00.000+00:00";
const ROWS: [string, Record<string, unknown>][] = [
  ["User", { id: "u1", email: "r@test.local", name: "Rev", passwordHash: "x", role: "REVIEWER", updatedAt: now }],
  ["UserAuditEvent", { id: "ua1", actorId: "u1", userId: "u1", action: "ROLE", before: '{"role":"ANNOTATOR"}', after: '{"role":"REVIEWER"}' }],
  ["Project", { id: "p1", slug: "p1", name: "P", updatedAt: now }],
  ["Label", { id: "lb1", projectId: "p1", name: "QUOTE", kind: "QUOTE", color: "#000" }],
  ["Document", { id: "d1", projectId: "p1", title: "T", text: "Hello world", textHash: "h", length: 11, metadata: '{"source":"wire","n":2}' }],
  ["Layer", { id: "l1", documentId: "d1", kind: "ANNOTATOR", userId: "u1", slot: "user:u1", status: "SUBMITTED", updatedAt: now }],
  ["Layer", { id: "l2", documentId: "d1", kind: "SUGGESTIONS", slot: "suggestions:x", updatedAt: now }],
  [
    "Annotation",
    {
      id: "a1",
      layerId: "l1",
      start: 0,
      end: 5,
      text: "Hello",
      labelId: "lb1",
      createdById: "u1",
      reviewState: "ACCEPTED",
      attributes: '{"a":[1,2]}',
      updatedAt: now,
    },
  ],
  ["Annotation", { id: "a2", layerId: "l2", start: 6, end: 11, text: "world", labelId: "lb1", createdById: "u1", reviewState: "DISMISSED", updatedAt: now }],
  ["CanonicalEntity", { id: "e1", projectId: "p1", name: "E", type: "PERSON", updatedAt: now }],
  ["StanceTarget", { id: "t1", projectId: "p1", text: "x" }],
  ["Stance", { id: "s1", layerId: "l1", holderId: "e1", targetId: "t1", polarity: "FAVOR", reviewState: "REJECTED", createdById: "u1", updatedAt: now }],
  ["SourceGrade", { id: "g1", layerId: "l1", reliability: "B", credibility: 2, createdById: "u1", updatedAt: now }],
  ["ReviewDecision", { id: "r1", layerId: "l1", reviewerId: "u1", decision: "REJECT" }],
  ["AuditEvent", { id: "ae1", projectId: "p1", documentId: "d1", actorId: "u1", subject: "ANNOTATION", subjectId: "a1", action: "UPDATE", before: '{"x":1}' }],
];

async function insertRows() {
  const statements = ROWS.map(([table, row]) => {
    const cols = Object.keys(row);
    return { sql: `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`, values: Object.values(row) };
  });
  if (provider === "sqlite") {
    const conn = new Database(url.slice("file:".length));
    for (const s of statements) conn.prepare(s.sql).run(...s.values);
    conn.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const s of statements) {
    let i = 0;
    await client.query(
      s.sql.replace(/\?/g, () => `$${++i}`),
      s.values,
    );
  }
  await client.end();
}

async function withClient<T>(fn: (db: SqliteClient) => Promise<T>): Promise<T> {
  if (provider === "sqlite") {
    const db = new SqliteClient({ adapter: new ImmediateSqliteAdapter(url) });
    try {
      return await fn(db);
    } finally {
      await db.$disconnect();
    }
  }
  const pool = new pg.Pool({ connectionString: url });
  const db = new PostgresClient({ adapter: new PrismaPg(pool) }) as unknown as SqliteClient;
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
    await pool.end();
  }
}

describe(`the migration to enums and Json on ${provider}`, () => {
  it("keeps every row of a database at the previous migration, read back as enums and JSON", async () => {
    if (provider === "postgresql") await ensurePostgresDatabase(url);
    await migrate(url, previousMigrations());
    await insertRows();
    // this migration first, then any later ones
    expect((await migrate(url))[0]).toBe(MIGRATION);

    if (provider === "postgresql") {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows: types } = await client.query<{ table_name: string; column_name: string; udt_name: string }>(
        `SELECT table_name, column_name, udt_name FROM information_schema.columns
          WHERE table_schema = 'public' AND (data_type = 'USER-DEFINED' OR data_type = 'jsonb') ORDER BY table_name, column_name`,
      );
      // (later migrations add columns of their own)
      expect(types.map((t) => `${t.table_name}.${t.column_name}:${t.udt_name}`)).toEqual(
        expect.arrayContaining([
          "Annotation.attributes:jsonb",
          "Annotation.reviewState:ReviewState",
          "AuditEvent.after:jsonb",
          "AuditEvent.before:jsonb",
          "Document.metadata:jsonb",
          "Label.kind:LabelKind",
          "Layer.kind:LayerKind",
          "Layer.status:LayerStatus",
          "ReviewDecision.decision:ReviewVerdict",
          "SourceGrade.reviewState:ReviewState",
          "Stance.reviewState:ReviewState",
          "User.role:Role",
          "UserAuditEvent.after:jsonb",
          "UserAuditEvent.before:jsonb",
        ]),
      );
      const { rows } = await client.query(`SELECT "attributes"->'a'->>1 AS "second", "reviewState"::text AS "state" FROM "Annotation" WHERE "id" = 'a1'`);
      expect(rows).toEqual([{ second: "2", state: "ACCEPTED" }]);
      await client.end();
    }

    await withClient(async (db) => {
      expect(await db.user.findUniqueOrThrow({ where: { id: "u1" } })).toMatchObject({ role: "REVIEWER" });
      expect(await db.userAuditEvent.findUniqueOrThrow({ where: { id: "ua1" } })).toMatchObject({ before: { role: "ANNOTATOR" }, after: { role: "REVIEWER" } });
      expect(await db.label.findUniqueOrThrow({ where: { id: "lb1" } })).toMatchObject({ kind: "QUOTE" });
      expect((await db.document.findUniqueOrThrow({ where: { id: "d1" } })).metadata).toEqual({ source: "wire", n: 2 });
      expect(await db.layer.findMany({ orderBy: { id: "asc" }, select: { kind: true, status: true } })).toEqual([
        { kind: "ANNOTATOR", status: "SUBMITTED" },
        { kind: "SUGGESTIONS", status: "NOT_STARTED" },
      ]);
      expect(await db.annotation.findMany({ orderBy: { id: "asc" }, select: { reviewState: true, attributes: true } })).toEqual([
        { reviewState: "ACCEPTED", attributes: { a: [1, 2] } },
        { reviewState: "DISMISSED", attributes: {} },
      ]);
      expect(await db.stance.findUniqueOrThrow({ where: { id: "s1" } })).toMatchObject({ reviewState: "REJECTED" });
      expect(await db.sourceGrade.findUniqueOrThrow({ where: { id: "g1" } })).toMatchObject({ reviewState: "PENDING" });
      expect(await db.reviewDecision.findUniqueOrThrow({ where: { id: "r1" } })).toMatchObject({ decision: "REJECT" });
      expect(await db.auditEvent.findUniqueOrThrow({ where: { id: "ae1" } })).toMatchObject({ before: { x: 1 }, after: null });
      // what the client writes into a Json column reads back the same, and enum filters work
      await db.auditEvent.create({
        data: { id: "ae2", projectId: "p1", actorId: "u1", subject: "LAYER", subjectId: "l1", action: "SUBMIT", after: { status: "SUBMITTED", n: [1] } },
      });
      expect((await db.auditEvent.findUniqueOrThrow({ where: { id: "ae2" } })).after).toEqual({ status: "SUBMITTED", n: [1] });
      expect(await db.layer.count({ where: { status: { in: ["SUBMITTED", "APPROVED"] }, kind: "ANNOTATOR" } })).toBe(1);
    });
    if (provider === "sqlite") {
      // SQLite keeps the TEXT columns: the client writes JSON text, as the plain-SQL writers do
      const conn = new Database(url.slice("file:".length), { readonly: true });
      expect(conn.prepare(`SELECT typeof("after") AS "type", "after" FROM "AuditEvent" WHERE "id" = 'ae2'`).get()).toEqual({
        type: "text",
        after: '{"status":"SUBMITTED","n":[1]}',
      });
      conn.close();
    }
  });
});
