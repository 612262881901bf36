/**
 * `npx tsx lib/loadtest/data-path.ts`: the annotation API's database work,
 * measured side by side in one process per database (a fresh SQLite file,
 * a fresh PostgreSQL database), no HTTP:
 *
 *   prisma      Prisma Client queries, as the API made them before (engineType "client": every query compiled by the
 *               WASM query compiler; on SQLite every statement prepared again)
 *   prisma-raw  the same SQL as `sql`, sent through Prisma ($queryRawUnsafe / $executeRawUnsafe, $transaction)
 *   sql         the same SQL through lib/db/sql.ts: the driver on Prisma's own connection, statements prepared once
 *   kysely      (only with DATA_PATH_KYSELY=<path of an installed kysely package>; not a dependency) the same SQL as
 *               compiled queries through Kysely's own dialects (better-sqlite3 / pg pool of 10): a lower bound of a
 *               query builder's cost, since building the query adds to it
 *
 * One cycle = four calls' worth, each with its token → user lookup: create a span with its audit row (document,
 * label, layer, insert, audit), relabel it (read, update, re-read, audit), list the layer, delete it (read, delete,
 * audit). Printed: CPU time of this process per cycle (what limits a 2-core server) and cycles/s, one at a time and
 * 20 at once. Knobs: DATA_PATH_CYCLES (400), DATA_PATH_DATABASES (sqlite,postgresql).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes, createHash } from "node:crypto";
import pg from "pg";
import { runScript } from "@/lib/ops/run-script";

type Exec = {
  one<T>(text: string, params?: unknown[]): Promise<T | undefined>;
  all<T>(text: string, params?: unknown[]): Promise<T[]>;
  run(text: string, params?: unknown[]): Promise<number>;
  transaction<T>(fn: (tx: Exec) => Promise<T>): Promise<T>;
};
type Fixture = { token: string; userId: string; documentId: string; projectId: string; words: number[] };
type Variant = { name: string; cycle: (f: Fixture, k: number) => Promise<void> };

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

// ---- the hot path in SQL (as lib/auth, lib/documents, lib/annotations write it), over any executor ------------

function sqlPath(x: Exec, cuid: () => string): Variant["cycle"] {
  const auth = async (token: string) => {
    const row = await x.one<{ id: string; active: unknown; revokedAt: unknown }>(
      `SELECT t."id" AS "tokenId", t."revokedAt", t."lastUsedAt", u."id", u."email", u."name", u."role", u."active" FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" WHERE t."tokenHash" = ?`,
      [sha(token)],
    );
    if (!row) throw new Error("no token");
    return row;
  };
  const doc = (id: string, userId: string) =>
    x.one<{ text: string; projectId: string }>(
      `SELECT d."id", d."projectId", d."title", d."text", d."textHash", d."length", d."outlet", d."byline", d."publishedAt", d."source", d."metadata", d."createdAt" FROM "Document" d WHERE d."id" = ? AND EXISTS (SELECT 1 FROM "ProjectMember" m WHERE m."projectId" = d."projectId" AND m."userId" = ?)`,
      [id, userId],
    );
  const COLS = `a."id", a."layerId", a."start", a."end", a."text", a."version", a."entityId", a."createdAt", a."updatedAt", lb."name" AS "labelName", ly."documentId"`;
  const JOINS = `JOIN "Label" lb ON lb."id" = a."labelId" JOIN "Layer" ly ON ly."id" = a."layerId"`;
  const audit = (tx: Exec, f: Fixture, subjectId: string, action: string) =>
    tx.run(
      `INSERT INTO "AuditEvent" ("id", "projectId", "documentId", "actorId", "subject", "subjectId", "action", "before", "after", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [cuid(), f.projectId, f.documentId, f.userId, "ANNOTATION", subjectId, action, null, "{}", new Date()],
    );
  const layer = async (tx: Exec, f: Fixture) => {
    const l = await tx.one<{ id: string }>(`SELECT "id", "documentId", "kind", "userId", "status" FROM "Layer" WHERE "documentId" = ? AND "slot" = ?`, [
      f.documentId,
      `user:${f.userId}`,
    ]);
    return l!.id;
  };
  const label = (tx: Exec, f: Fixture, name: string) =>
    tx.one<{ id: string }>(`SELECT "id", "name" FROM "Label" WHERE "projectId" = ? AND "name" = ? AND "archived" = ?`, [f.projectId, name, false]);
  const writable = (id: string, userId: string) =>
    x.one<{ version: number }>(
      `SELECT ${COLS}, ly."kind", d."projectId", d."text" AS "docText" FROM "Annotation" a ${JOINS} JOIN "Document" d ON d."id" = ly."documentId" WHERE a."id" = ? AND ((ly."userId" = ? AND ly."kind" = 'ANNOTATOR'))`,
      [id, userId],
    );
  return async (f, k) => {
    // create
    await auth(f.token);
    await doc(f.documentId, f.userId);
    const id = cuid();
    await x.transaction(async (tx) => {
      const l = await label(tx, f, "PERSON");
      const layerId = await layer(tx, f);
      const now = new Date();
      await tx.run(
        `INSERT INTO "Annotation" ("id", "layerId", "start", "end", "text", "labelId", "createdById", "reviewState", "attributes", "version", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', '{}', 1, ?, ?)`,
        [id, layerId, f.words[k % f.words.length], f.words[k % f.words.length] + 3, "abc", l!.id, f.userId, now, now],
      );
      await audit(tx, f, id, "CREATE");
    });
    // relabel
    await auth(f.token);
    await writable(id, f.userId);
    await x.transaction(async (tx) => {
      await layer(tx, f);
      const l = await label(tx, f, "ORG");
      await tx.run(`UPDATE "Annotation" SET "labelId" = COALESCE(?, "labelId"), "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "version" = ?`, [
        l!.id,
        new Date(),
        id,
        1,
      ]);
      await tx.one(`SELECT ${COLS}, a."createdById" FROM "Annotation" a ${JOINS} WHERE a."id" = ?`, [id]);
      await audit(tx, f, id, "UPDATE");
    });
    // list
    await auth(f.token);
    await doc(f.documentId, f.userId);
    const l = await x.one<{ id: string }>(`SELECT "id", "status" FROM "Layer" WHERE "documentId" = ? AND "slot" = ?`, [f.documentId, `user:${f.userId}`]);
    await x.all(`SELECT ${COLS} FROM "Annotation" a ${JOINS} WHERE a."layerId" = ? ORDER BY a."start" ASC, a."end" DESC`, [l!.id]);
    // delete
    await auth(f.token);
    await writable(id, f.userId);
    await x.transaction(async (tx) => {
      await layer(tx, f);
      await tx.run(`DELETE FROM "Annotation" WHERE "id" = ? AND "version" = ?`, [id, 2]);
      await audit(tx, f, id, "DELETE");
    });
  };
}

// ---- the same through Prisma Client's query builder, as the code was -------------------------------------------

async function prismaPath(): Promise<Variant["cycle"]> {
  const { db } = await import("@/lib/db");
  const include = { label: { select: { name: true } }, layer: { select: { documentId: true } } } as const;
  const auth = async (token: string) => {
    const row = await db.apiToken.findUnique({ where: { tokenHash: sha(token) } });
    const user = await db.user.findUnique({ where: { id: row!.userId } });
    db.apiToken.update({ where: { id: row!.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
    return user;
  };
  const doc = (id: string, userId: string) => db.document.findFirst({ where: { id, project: { members: { some: { userId } } } } });
  const layer = (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], f: Fixture) =>
    tx.layer.upsert({
      where: { documentId_slot: { documentId: f.documentId, slot: `user:${f.userId}` } },
      create: { documentId: f.documentId, slot: `user:${f.userId}`, kind: "ANNOTATOR", userId: f.userId, status: "IN_PROGRESS" },
      update: {},
    });
  const writable = (id: string, userId: string) =>
    db.annotation.findFirst({
      where: { id, OR: [{ layer: { userId, kind: "ANNOTATOR" } }] },
      include: { ...include, layer: { select: { documentId: true, kind: true, document: { select: { projectId: true, text: true } } } } },
    });
  const audit = (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], f: Fixture, subjectId: string, action: string) =>
    tx.auditEvent.create({
      data: { projectId: f.projectId, documentId: f.documentId, actorId: f.userId, subject: "ANNOTATION", subjectId, action, after: {} },
    });
  return async (f, k) => {
    await auth(f.token);
    await doc(f.documentId, f.userId);
    const row = await db.$transaction(async (tx) => {
      const l = await tx.label.findFirst({ where: { projectId: f.projectId, name: "PERSON", archived: false } });
      const ly = await layer(tx, f);
      const r = await tx.annotation.create({
        data: { layerId: ly.id, start: f.words[k % f.words.length], end: f.words[k % f.words.length] + 3, text: "abc", labelId: l!.id, createdById: f.userId },
        include,
      });
      await audit(tx, f, r.id, "CREATE");
      return r;
    });
    await auth(f.token);
    await writable(row.id, f.userId);
    await db.$transaction(async (tx) => {
      await layer(tx, f);
      const l = await tx.label.findFirst({ where: { projectId: f.projectId, name: "ORG", archived: false } });
      await tx.annotation.updateMany({ where: { id: row.id, version: 1 }, data: { labelId: l!.id, version: { increment: 1 } } });
      await tx.annotation.findUniqueOrThrow({ where: { id: row.id }, include });
      await audit(tx, f, row.id, "UPDATE");
    });
    await auth(f.token);
    await doc(f.documentId, f.userId);
    await db.layer.findUnique({
      where: { documentId_slot: { documentId: f.documentId, slot: `user:${f.userId}` } },
      include: { annotations: { include, orderBy: [{ start: "asc" }, { end: "desc" }] } },
    });
    await auth(f.token);
    await writable(row.id, f.userId);
    await db.$transaction(async (tx) => {
      await layer(tx, f);
      await tx.annotation.deleteMany({ where: { id: row.id, version: 2 } });
      await audit(tx, f, row.id, "DELETE");
    });
  };
}

/** The scripts' SQL uses "?" placeholders; PostgreSQL numbers them ($1, $2 …). */
const placeholders = (sqlite: boolean) => (t: string) => (sqlite ? t : ((n) => t.replace(/\?/g, () => `$${++n}`))(0));

/** Prisma's raw queries as an executor: the SQL of sqlPath, through $queryRawUnsafe / $executeRawUnsafe. */
async function prismaRawExec(): Promise<Exec> {
  const { db } = await import("@/lib/db");
  const sqlite = process.env.DATABASE_URL!.startsWith("file:");
  const text = placeholders(sqlite);
  const param = (v: unknown) => (v instanceof Date ? v : typeof v === "boolean" && sqlite ? (v ? 1 : 0) : v);
  type Client = Pick<typeof db, "$queryRawUnsafe" | "$executeRawUnsafe">;
  const over = (c: Client, inside: boolean): Exec => ({
    one: async <T>(t: string, p: unknown[] = []) => ((await c.$queryRawUnsafe(text(t), ...p.map(param))) as T[])[0],
    all: async <T>(t: string, p: unknown[] = []) => (await c.$queryRawUnsafe(text(t), ...p.map(param))) as T[],
    run: (t, p = []) => c.$executeRawUnsafe(text(t), ...p.map(param)),
    transaction: (fn) => (inside ? fn(over(c, true)) : db.$transaction((tx) => fn(over(tx, true)))),
  });
  return over(db, false);
}

/** The few parts of a kysely package this comparison uses (it is loaded from a directory at run time, not a dependency). */
type KyselyResult = { rows: unknown[]; numAffectedRows?: bigint };
type KyselyExecutor = { executeQuery(query: unknown): Promise<KyselyResult> };
type KyselyDb = KyselyExecutor & { transaction(): { execute<T>(fn: (trx: KyselyExecutor) => Promise<T>): Promise<T> } };
type KyselyModule = {
  Kysely: new (config: { dialect: unknown }) => KyselyDb;
  SqliteDialect: new (config: { database: unknown }) => unknown;
  PostgresDialect: new (config: { pool: unknown }) => unknown;
  CompiledQuery: { raw(sql: string, parameters: unknown[]): unknown };
};

/** Kysely's execution path (driver, connection, statements) with the SQL of sqlPath, when a kysely package is given. */
async function kyselyExec(dir: string): Promise<Exec> {
  const { pathToFileURL } = await import("node:url");
  const k = (await import(pathToFileURL(join(dir, "dist/index.js")).href)) as KyselyModule;
  const url = process.env.DATABASE_URL!;
  const sqlite = url.startsWith("file:");
  const dialect = sqlite
    ? new k.SqliteDialect({ database: new (await import("better-sqlite3")).default(url.slice(5), { timeout: 10_000 }) })
    : new k.PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) });
  const kdb = new k.Kysely({ dialect });
  const text = placeholders(sqlite);
  const param = (v: unknown) =>
    v instanceof Date ? (sqlite ? v.toISOString().replace("Z", "+00:00") : v) : typeof v === "boolean" && sqlite ? (v ? 1 : 0) : v;
  const over = (c: KyselyExecutor, inside: boolean): Exec => {
    const q = (t: string, p: unknown[] = []) => c.executeQuery(k.CompiledQuery.raw(text(t), p.map(param)));
    return {
      one: async <T>(t: string, p?: unknown[]) => (await q(t, p)).rows[0] as T | undefined,
      all: async <T>(t: string, p?: unknown[]) => (await q(t, p)).rows as T[],
      run: async (t, p) => Number((await q(t, p)).numAffectedRows ?? 0),
      transaction: (fn) => (inside ? fn(over(c, true)) : kdb.transaction().execute((trx) => fn(over(trx, true)))),
    };
  };
  return over(kdb, false);
}

// ---- one database: fixtures, then each variant -----------------------------------------------------------------

async function measure(cycle: Variant["cycle"], fixtures: Fixture[], cycles: number, concurrency: number) {
  let k = 0;
  for (let i = 0; i < 5; i++) await cycle(fixtures[0], k++); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (done < cycles) {
        done++;
        await cycle(fixtures[w % fixtures.length], k++);
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { cpuMsPerCycle: (cpu.user + cpu.system) / 1000 / cycles, perSec: cycles / wall };
}

async function one() {
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(process.env.DATABASE_URL!);
  const { ensureProject } = await import("@/lib/projects/ensure-project");
  const { createUser } = await import("@/lib/users/create-user");
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  const { importDocument } = await import("@/lib/documents/import-document");
  const { cuid } = await import("@/lib/db/cuid");
  const { getSql } = await import("@/lib/db/sql");
  const { db } = await import("@/lib/db");
  const { benchCorpus } = await import("@/lib/bench/corpus");
  const project = await ensureProject({ slug: "data-path", name: "Data path" });
  const admin = await createUser({ email: "dp-admin@x.local", name: "Admin", role: "ADMIN", password: "long-enough-1" });
  const corpus = benchCorpus({ words: 3000, spans: 1, seed: 5, passages: 0 });
  const { document } = await importDocument({
    actor: { id: admin.id, email: admin.email, name: admin.name, role: "ADMIN" },
    input: { title: "d", text: corpus.text, project: project.slug },
  });
  const fixtures: Fixture[] = [];
  for (let i = 0; i < 20; i++) {
    const u = await createUser({ email: `dp-${i}@x.local`, name: `U${i}`, role: "ANNOTATOR", password: "long-enough-1", projectIds: [project.id] });
    const { token } = await createApiToken({ userId: u.id, name: "t" });
    await db.layer.create({ data: { documentId: document.id, slot: `user:${u.id}`, kind: "ANNOTATOR", userId: u.id, status: "IN_PROGRESS" } });
    fixtures.push({ token, userId: u.id, documentId: document.id, projectId: project.id, words: corpus.wordStarts });
  }
  const sql = await getSql();
  const variants: Variant[] = [
    { name: "prisma", cycle: await prismaPath() },
    { name: "prisma-raw", cycle: sqlPath(await prismaRawExec(), cuid) },
    { name: "sql", cycle: sqlPath(sql, cuid) },
  ];
  if (process.env.DATA_PATH_KYSELY) variants.push({ name: "kysely", cycle: sqlPath(await kyselyExec(process.env.DATA_PATH_KYSELY), cuid) });
  const cycles = Number(process.env.DATA_PATH_CYCLES || 400);
  const out: Record<string, unknown> = {};
  for (const v of variants) {
    const serial = await measure(v.cycle, fixtures, cycles, 1);
    const parallel = await measure(v.cycle, fixtures, cycles, 20);
    out[v.name] = { serial, parallel };
  }
  console.log("RESULT " + JSON.stringify(out));
}

async function main() {
  if (process.env.DATA_PATH_CHILD) return one();
  const pgBase = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432";
  const databases = (process.env.DATA_PATH_DATABASES || "sqlite,postgresql").split(",");
  const lines = [
    "| database | data path | CPU per cycle (4 calls), 1 at a time | cycles/s, 1 at a time | CPU per cycle, 20 at once | cycles/s, 20 at once |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const provider of databases) {
    const dir = mkdtempSync(join(tmpdir(), "marginalia-data-path-"));
    const name = `marginalia_datapath_${randomBytes(4).toString("hex")}`;
    const url = provider === "sqlite" ? `file:${join(dir, "dp.db")}` : `${pgBase}/${name}`;
    const admin = async (q: string) => {
      const c = new pg.Client({ connectionString: `${pgBase}/postgres` });
      await c.connect();
      await c.query(q).finally(() => c.end());
    };
    try {
      if (provider !== "sqlite") await admin(`CREATE DATABASE ${name}`);
      const r = spawnSync(process.execPath, [resolve("node_modules/tsx/dist/cli.mjs"), "lib/loadtest/data-path.ts"], {
        env: { ...process.env, DATA_PATH_CHILD: "1", DATABASE_URL: url, NODE_ENV: "production" },
        encoding: "utf8",
      });
      const line = r.stdout.split("\n").find((l) => l.startsWith("RESULT "));
      if (!line) throw new Error(`${provider}: ${r.stderr || r.stdout}`);
      const res = JSON.parse(line.slice(7)) as Record<
        string,
        { serial: { cpuMsPerCycle: number; perSec: number }; parallel: { cpuMsPerCycle: number; perSec: number } }
      >;
      for (const [v, m] of Object.entries(res))
        lines.push(
          `| ${provider} | ${v} | ${m.serial.cpuMsPerCycle.toFixed(2)} ms | ${m.serial.perSec.toFixed(0)} | ${m.parallel.cpuMsPerCycle.toFixed(2)} ms | ${m.parallel.perSec.toFixed(0)} |`,
        );
    } finally {
      rmSync(dir, { recursive: true, force: true });
      if (provider !== "sqlite") await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    }
  }
  console.log(lines.join("\n"));
}

runScript(main, { label: "data-path failed" });
