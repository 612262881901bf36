/**
 * Two processes writing one SQLite file at once: every transaction of both
 * lands, none fails with SQLITE_BUSY (lib/db/sqlite-adapter.ts).
 */
import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./migrate";

const dir = mkdtempSync(join(tmpdir(), "marginalia-writers-"));
const url = `file:${join(dir, "writers.db")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writer(tag: string, count: number) {
  const child = spawn("npx", ["tsx", "lib/testing/sqlite-writer.ts", tag, String(count)], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const ready = new Promise<void>((resolve) => child.stdout.on("data", () => out.includes("ready") && resolve()));
  const done = new Promise<{ ok: number; errors: string[] }>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`writer ${tag} exited ${code}: ${err}`)))),
  );
  return { go: () => child.stdin.write("go\n"), ready, done };
}

describe("SQLite with two writing processes", () => {
  it("lands every read-then-write transaction of both, with no busy error", async () => {
    await migrate(url);
    const count = 60;
    const a = writer("a", count);
    const b = writer("b", count);
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.errors).toEqual([]);
    expect(rb.errors).toEqual([]);
    expect(ra.ok + rb.ok).toBe(2 * count);
    const conn = new Database(join(dir, "writers.db"), { readonly: true });
    const rows = conn.prepare(`SELECT count(*) AS n FROM "User" WHERE "email" LIKE 'writer-%'`).get() as { n: number };
    conn.close();
    expect(rows.n).toBe(2 * count);
  }, 120_000);
});
