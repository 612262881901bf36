/**
 * `npm run loadtest`: the production server under bounded load on loopback,
 * on a fresh SQLite database, then on a fresh PostgreSQL database with two
 * `next start` instances behind a round-robin load generator. Each database
 * runs in a child process (lib/loadtest/phase.ts); this script builds, hands
 * out ports and databases, cleans up after, and writes its section of
 * BENCHMARKS.md (lib/loadtest/report.ts). Knobs: LOADTEST_* below and the
 * README's "Load test" section.
 */
import { envInt } from "./env-int";
import os from "node:os";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { runScript } from "./run-script";
import { ensureBuild } from "@/lib/bench/server";
import type { PhaseConfig, PhaseResult } from "@/lib/loadtest/phase";
import { writeLoadtestReport } from "@/lib/loadtest/report";

const int = envInt;

const STEPS = ["open", "closed", "import", "crash"];

export function readConfig() {
  const base = int("LOADTEST_PORT", 3300, 1024);
  if (base < 3300 || base + 3 > 3399) throw new Error("LOADTEST_PORT must leave four ports within 3300–3399");
  const steps = (process.env.LOADTEST_STEPS || STEPS.join(",")).split(",").map((s) => s.trim());
  for (const s of steps) if (!STEPS.includes(s)) throw new Error(`LOADTEST_STEPS: unknown step "${s}" (${STEPS.join(", ")})`);
  const databases = (process.env.LOADTEST_DATABASES || "sqlite,postgresql").split(",").map((s) => s.trim());
  for (const d of databases) if (d !== "sqlite" && d !== "postgresql") throw new Error(`LOADTEST_DATABASES: unknown database "${d}"`);
  return {
    ports: [base, base + 1, base + 2, base + 3],
    annotators: int("LOADTEST_ANNOTATORS", 50, 2),
    openSeconds: int("LOADTEST_SECONDS", 60, 1),
    warmupSeconds: int("LOADTEST_WARMUP_SECONDS", 5, 0),
    closedSeconds: int("LOADTEST_CLOSED_SECONDS", 15, 1),
    importDocs: int("LOADTEST_DOCS", 5000, 1),
    importWords: int("LOADTEST_DOC_WORDS", 400, 20),
    importSpans: int("LOADTEST_DOC_SPANS", 17, 1),
    background: int("LOADTEST_OTHERS", 20, 1),
    crashWriters: int("LOADTEST_CRASH_WRITERS", 20, 1),
    crashAfterSeconds: int("LOADTEST_CRASH_AFTER", 5, 1),
    pgInstances: int("LOADTEST_PG_INSTANCES", 2, 1),
    steps,
    databases: databases as ("sqlite" | "postgresql")[],
    postgresUrl: process.env.LOADTEST_POSTGRES_URL || process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432",
    skipBuild: process.env.LOADTEST_SKIP_BUILD === "1" || process.env.BENCH_SKIP_BUILD === "1",
    cpuProfDir: process.env.LOADTEST_CPU_PROF ? resolve(process.env.LOADTEST_CPU_PROF) : undefined,
    out: process.env.LOADTEST_OUT || "BENCHMARKS.md",
  };
}
export type LoadtestConfig = ReturnType<typeof readConfig>;

async function admin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: `${url.replace(/\/+$/, "")}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function runPhase(phase: PhaseConfig): Promise<PhaseResult> {
  const tsx = resolve("node_modules/tsx/dist/cli.mjs");
  const child = spawn(process.execPath, [tsx, "lib/loadtest/phase.ts"], {
    stdio: "inherit",
    env: { ...process.env, LOADTEST_PHASE: JSON.stringify(phase), DATABASE_URL: phase.databaseUrl },
  });
  const stop = () => child.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return new Promise((resolvePhase, reject) =>
    child.on("exit", (code) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      const result = existsSync(phase.out) ? (JSON.parse(readFileSync(phase.out, "utf8")) as PhaseResult) : null;
      if (code === 0 && result) resolvePhase(result);
      else reject(Object.assign(new Error(`the ${phase.provider} part ended with exit code ${code}`), { partial: result }));
    }),
  );
}

async function main() {
  const cfg = readConfig();
  const started = performance.now();
  const loadAvgStart = os.loadavg();
  let t = performance.now();
  ensureBuild(cfg.skipBuild);
  const build = cfg.skipBuild ? "skipped (LOADTEST_SKIP_BUILD=1)" : `${Math.round((performance.now() - t) / 1000)} s`;
  const results: PhaseResult[] = [];
  const failures: string[] = [];
  for (const provider of cfg.databases) {
    const dir = mkdtempSync(join(tmpdir(), `marginalia-loadtest-${provider}-`));
    const dbName = `marginalia_loadtest_${randomBytes(4).toString("hex")}`;
    const databaseUrl = provider === "sqlite" ? `file:${join(dir, "loadtest.db")}` : `${cfg.postgresUrl.replace(/\/+$/, "")}/${dbName}`;
    if (cfg.cpuProfDir) mkdirSync(cfg.cpuProfDir, { recursive: true });
    try {
      if (provider === "postgresql") await admin(cfg.postgresUrl, `CREATE DATABASE ${dbName}`);
      t = performance.now();
      const result = await runPhase({
        provider,
        databaseUrl,
        dir,
        instances: provider === "sqlite" ? 1 : cfg.pgInstances,
        ports: cfg.ports,
        out: join(dir, "result.json"),
        annotators: cfg.annotators,
        openSeconds: cfg.openSeconds,
        warmupSeconds: cfg.warmupSeconds,
        closedSeconds: cfg.closedSeconds,
        importDocs: cfg.importDocs,
        importWords: cfg.importWords,
        importSpans: cfg.importSpans,
        background: Math.min(cfg.background, cfg.annotators),
        crashWriters: Math.min(cfg.crashWriters, cfg.annotators),
        crashAfterSeconds: cfg.crashAfterSeconds,
        steps: cfg.steps,
        cpuProfDir: cfg.cpuProfDir,
      });
      result.setup.push(`the whole ${provider} part: ${Math.round((performance.now() - t) / 1000)} s`);
      results.push(result);
    } catch (err) {
      failures.push(`${provider}: ${(err as Error).message}`);
      const partial = (err as { partial?: PhaseResult | null }).partial;
      if (partial) results.push(partial);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      if (provider === "postgresql")
        await admin(cfg.postgresUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e) =>
          console.error(`loadtest: could not drop ${dbName}: ${e.message}`),
        );
    }
  }
  const elapsed = Math.round((performance.now() - started) / 1000);
  const missed = writeLoadtestReport(cfg, results, { build, elapsed, loadAvgStart, failures });
  console.log(`\nloadtest: wrote its section of ${cfg.out} (${Math.floor(elapsed / 60)} min ${elapsed % 60} s in all)`);
  if (failures.length) throw new Error(failures.join("; "));
  console.log(missed ? `loadtest: ${missed} target${missed > 1 ? "s" : ""} MISSED (see ${cfg.out})` : "loadtest: every target met");
}

runScript(main, { label: "loadtest failed" });
