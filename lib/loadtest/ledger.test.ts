import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openDirectDb, type DirectDb } from "./direct-db";
import { Ledger } from "./ledger";

// The columns the direct connection prepares statements for, in a scratch SQLite file.
const SCHEMA = [
  `CREATE TABLE "Layer" ("id" TEXT PRIMARY KEY, "userId" TEXT, "documentId" TEXT, "kind" TEXT)`,
  `CREATE TABLE "Label" ("id" TEXT PRIMARY KEY, "name" TEXT)`,
  `CREATE TABLE "Annotation" ("id" TEXT PRIMARY KEY, "layerId" TEXT, "labelId" TEXT, "start" INT, "end" INT, "text" TEXT, "createdById" TEXT, "createdAt" TEXT, "updatedAt" TEXT)`,
  `CREATE TABLE "AuditEvent" ("id" INTEGER PRIMARY KEY, "projectId" TEXT, "documentId" TEXT, "actorId" TEXT, "subject" TEXT, "subjectId" TEXT, "action" TEXT, "before" TEXT, "after" TEXT, "createdAt" TEXT)`,
];

let dir = "";
let db: DirectDb;
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function scratch() {
  dir = mkdtempSync(join(tmpdir(), "ledger-"));
  const file = join(dir, "l.db");
  const setup = new Database(file);
  for (const s of SCHEMA) setup.exec(s);
  setup.close();
  db = await openDirectDb(`file:${file}`);
  await db.run(`INSERT INTO "Layer" VALUES ('L', 'u', 'd', 'ANNOTATOR')`);
  await db.run(`INSERT INTO "Label" VALUES ('P', 'PERSON'), ('O', 'ORG')`);
}
const row = (id: string, label: "P" | "O", start = 0) =>
  db.run(`INSERT INTO "Annotation" ("id", "layerId", "labelId", "start", "end") VALUES (?, 'L', ?, ?, ?)`, [id, label, start, start + 3]);
const audit = (id: string, action: string) =>
  db.run(`INSERT INTO "AuditEvent" ("subject", "subjectId", "action", "documentId") VALUES ('ANNOTATION', ?, ?, 'd')`, [id, action]);
const span = (id: string, start = 0) => ({ id, userId: "u", documentId: "d", start, end: start + 3, label: "PERSON" });

describe("Ledger.verify", () => {
  it("passes when the database holds exactly what was acknowledged", async () => {
    await scratch();
    const l = new Ledger();
    l.created(span("a"));
    l.relabeled("a", "ORG");
    await row("a", "O");
    await audit("a", "CREATE");
    await audit("a", "UPDATE");
    expect(await l.verify(db, ["d"])).toMatchObject({ lost: 0, doubled: 0, wrongLabel: 0, auditMismatches: 0 });
  });

  it("finds a lost span, a doubled one, a stale label and a missing audit row", async () => {
    await scratch();
    const l = new Ledger();
    l.created(span("lost", 0));
    l.created(span("twice", 10));
    l.created(span("stale", 20));
    l.relabeled("stale", "ORG");
    await row("twice", "P", 10);
    await row("twice-again", "P", 10);
    await row("stale", "P", 20);
    await audit("twice", "CREATE");
    await audit("stale", "CREATE");
    const v = await l.verify(db, ["d"]);
    expect(v).toMatchObject({ lost: 1, doubled: 1, wrongLabel: 1 });
    expect(v.auditMismatches).toBeGreaterThanOrEqual(2); // lost's CREATE, stale's UPDATE
  });

  it("accepts a cut-off change either way, if the span and its audit rows agree", async () => {
    await scratch();
    const l = new Ledger();
    const at = { kept: 0, relabeled: 10, gone: 20, half: 30 };
    for (const [id, start] of Object.entries(at)) l.created(span(id, start));
    l.sending("kept", { label: "ORG" });
    l.sending("relabeled", { label: "ORG" });
    l.sending("gone", "delete");
    l.sending("half", { label: "ORG" });
    await row("kept", "P", at.kept);
    await row("relabeled", "O", at.relabeled);
    await row("half", "O", at.half); // relabeled, but no audit row for it
    for (const id of ["kept", "relabeled", "gone", "half"]) await audit(id, "CREATE");
    await audit("relabeled", "UPDATE");
    await audit("gone", "DELETE");
    const v = await l.verify(db, ["d"]);
    expect(v).toMatchObject({ lost: 0, wrongLabel: 0, auditMismatches: 1 });
    expect(v.examples.join()).toContain("UPDATE audit rows of half");
  });
});
