/** Nothing lost on PostgreSQL: the server SIGKILLed in the middle of concurrent saves (lib/testing/crash-drill.ts). */
import { afterAll, it } from "vitest";
import { randomBytes } from "node:crypto";
import { ensurePostgresDatabase, dropPostgresDatabase } from "@/lib/db/migrate";
import { crashDrill } from "./crash-drill";
import { expectNothingLost } from "./crash-verdict";

const base = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432";
const url = `${base}/marginalia_crash_${randomBytes(4).toString("hex")}`;
process.env.DATABASE_URL = url; // this file's own fresh database

afterAll(() => dropPostgresDatabase(url));

it("keeps every acknowledged save exactly once across a SIGKILL of the server (PostgreSQL)", async () => {
  await ensurePostgresDatabase(url);
  expectNothingLost(await crashDrill(url));
}, 240_000);
