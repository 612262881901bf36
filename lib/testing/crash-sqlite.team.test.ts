/** Nothing lost on SQLite: the server SIGKILLed in the middle of concurrent saves (lib/testing/crash-drill.ts). */
import { afterAll, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crashDrill } from "./crash-drill";
import { expectNothingLost } from "./crash-verdict";

const dir = mkdtempSync(join(tmpdir(), "marginalia-crash-"));
const url = `file:${join(dir, "crash.db")}`;
process.env.DATABASE_URL = url; // this file's database client: a fresh SQLite file (the team project's default is PostgreSQL)

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("keeps every acknowledged save exactly once across a SIGKILL of the server (SQLite)", async () => {
  expectNothingLost(await crashDrill(url));
}, 240_000);
