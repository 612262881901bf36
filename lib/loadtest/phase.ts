/**
 * One database's part of `npm run loadtest`, in a process of its own (the
 * product's database client is fixed per process): setup, then the open
 * loop, the closed loop, the import and export under load, the check of
 * every acknowledged write, and the crash. Started by lib/ops/loadtest.ts
 * with LOADTEST_PHASE (JSON, see PhaseConfig); writes its figures as JSON.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { startServer, type BenchServer } from "@/lib/bench/server";
import { runScript } from "@/lib/ops/run-script";
import { call, Cluster, download, openStream } from "./client";
import { importFile, workDocument } from "./corpus";
import { openDirectDb, type RawSpan } from "./direct-db";
import { Ledger, type Verdict } from "./ledger";
import { Recorder, sleep, type Summary } from "./stats";
import { createFlood, CyclingAnnotator, openLoop, placeOf, type Account, type Doc } from "./users";

export type PhaseConfig = {
  provider: "sqlite" | "postgresql";
  databaseUrl: string;
  dir: string;
  instances: number;
  ports: number[];
  out: string;
  annotators: number;
  openSeconds: number;
  warmupSeconds: number;
  closedSeconds: number;
  importDocs: number;
  importWords: number;
  importSpans: number;
  background: number;
  crashWriters: number;
  crashAfterSeconds: number;
  steps: string[];
  cpuProfDir?: string;
};

type KindSummaries = Record<string, Summary>;
export type PhaseResult = {
  provider: string;
  instances: number;
  setup: string[];
  open?: {
    all: Summary;
    kinds: KindSummaries;
    calls: number;
    late: number;
    seconds: number;
    streams: number;
    streamEvents: number;
    stallMs: number[];
    examples: string[];
  };
  closed?: {
    apiPerSec: number;
    rawPerSec: number;
    ratio: number;
    api: Summary;
    apiCreates: number;
    rawCreates: number;
    seconds: number;
    examples: string[];
    floorPerSec: number;
  };
  import?: {
    docs: number;
    spans: number;
    bytes: number;
    seconds: number;
    docsPerSec: number;
    others: Summary;
    stallMs: number[];
    examples: string[];
    error?: string;
  };
  export?: {
    docs: number;
    bytes: number;
    seconds: number;
    docsPerSec: number;
    others: Summary;
    rssStartMb: number;
    rssMaxMb: number;
    rssEndMb: number;
    rssSamplesMb: number[];
    error?: string;
  };
  /** corpus search over the imported documents, and the document list as the baseline, one call at a time */
  search?: { docs: number; queries: string[]; search: Summary; baseline: Summary; perQuery: { q: string; p50: number; p95: number }[]; examples: string[] };
  verify?: Verdict;
  crash?: {
    writers: number;
    acknowledged: number;
    failed: number;
    killedAfterSeconds: number;
    restartSeconds: number;
    verdict: Verdict;
    afterRestartOk: boolean;
  };
};

const cfg = JSON.parse(process.env.LOADTEST_PHASE ?? "null") as PhaseConfig;
const log = (s: string) => console.log(`loadtest[${cfg.provider}]: ${s}`);
const secs = (t0: number) => (performance.now() - t0) / 1000;

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Words, phrases and filters an analyst would type; the corpus is made of the seed articles' words. */
const SEARCHES = ["Abadi", "intelligence", '"Islamic State"', "label:PERSON Lavrov", "Syria label:GPE", "Moscow Baghdad", "coalition", "label:ORG"];
const SEARCH_ROUNDS = 25;

/** Each search, and the first page of the document list as the baseline, one call at a time (nothing else runs). */
async function measureSearch(origin: string, token: string, docs: number) {
  const rec = new Recorder();
  const timed = async (kinds: string[], path: string) => {
    const t0 = performance.now();
    try {
      await call(origin, token, "GET", path);
      for (const kind of kinds) rec.ok(kind, performance.now() - t0);
    } catch (err) {
      for (const kind of kinds) rec.fail(kind, (err as Error).message);
    }
  };
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    for (const q of SEARCHES) {
      await timed(["search", `search ${q}`], `/api/v1/search?${new URLSearchParams({ q, project: "loadtest", limit: "20" })}`);
      await timed(["baseline"], "/api/v1/documents?limit=20");
    }
  }
  const perQuery = SEARCHES.map((q) => ({ q, p50: rec.summary(`search ${q}`).p50, p95: rec.summary(`search ${q}`).p95 }));
  return { docs, queries: SEARCHES, search: rec.summary("search"), baseline: rec.summary("baseline"), perQuery, examples: rec.errorExamples };
}

/** The admin and their token through the CLI, as an operator would make them. */
function cliAdmin(): Account & { password: string } {
  const tsx = resolve("node_modules/tsx/dist/cli.mjs");
  const env = { ...process.env, DATABASE_URL: cfg.databaseUrl };
  const email = "lt-admin@loadtest.local";
  const password = randomBytes(12).toString("base64url");
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [tsx, "lib/cli/main.ts", ...args], { env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`cli ${args.slice(0, 2).join(" ")} failed: ${r.stderr || r.stdout}`);
    return r.stdout.trim().split("\n");
  };
  // "--password=…": a random password may start with "-", which would read as another option
  const made = run("user", "add", "--email", email, "--name", "Load Admin", "--role", "admin", `--password=${password}`);
  const id = /\(([^)]+)\)\s*$/.exec(made.at(-1)!)?.[1] ?? "";
  const token = run("token", "create", "--email", email, "--name", "loadtest").at(-1)!;
  return { id, email, token, password };
}

async function setup(result: PhaseResult) {
  let t = performance.now();
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(cfg.databaseUrl);
  const admin = cliAdmin();
  result.setup.push(`database migrated; admin and API token made with the CLI (\`cli user add\`, \`cli token create\`): ${secs(t).toFixed(1)} s`);
  t = performance.now();
  // Annotators: the same domain functions the CLI's `user add` and `token create` call, in this process (50 CLI runs would take minutes).
  const { ensureProject } = await import("@/lib/projects/ensure-project");
  const { createUser } = await import("@/lib/users/create-user");
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  const project = await ensureProject({ slug: "loadtest", name: "Load test" });
  const annotators: Account[] = [];
  const batch = 8;
  for (let i = 0; i < cfg.annotators; i += batch) {
    const made = await Promise.all(
      Array.from({ length: Math.min(batch, cfg.annotators - i) }, async (_, j) => {
        const n = String(i + j).padStart(2, "0");
        const email = `lt-ann-${n}@loadtest.local`;
        const user = await createUser({
          email,
          name: `Annotator ${n}`,
          role: "ANNOTATOR",
          password: randomBytes(12).toString("base64url"),
          projectIds: [project.id],
        });
        const { token } = await createApiToken({ userId: user.id, name: "loadtest" });
        return { id: user.id, email, token };
      }),
    );
    annotators.push(...made);
  }
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  result.setup.push(`project "loadtest" (default labels), ${annotators.length} annotators with API tokens and membership: ${secs(t).toFixed(1)} s`);
  return { admin, annotators, projectId: project.id };
}

async function main() {
  const result: PhaseResult = { provider: cfg.provider, instances: cfg.instances, setup: [] };
  const flush = () => writeFileSync(cfg.out, JSON.stringify(result, null, 1));
  const servers: BenchServer[] = [];
  let direct: Awaited<ReturnType<typeof openDirectDb>> | null = null;
  const authSecret = randomBytes(32).toString("base64url");
  const start = async (i: number) => {
    const nodeArgs = cfg.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${cfg.cpuProfDir}/${cfg.provider}-${i}`] : [];
    const s = await startServer({
      port: cfg.ports[2 * i],
      loopPort: cfg.ports[2 * i + 1],
      databaseUrl: cfg.databaseUrl,
      authSecret,
      log: `${cfg.dir}/server-${i}.log`,
      nodeArgs,
    });
    servers[i] = s;
    return s;
  };
  try {
    const { admin, annotators, projectId } = await setup(result);
    const driver = (direct = await openDirectDb(cfg.databaseUrl, { poolSize: 10 }));
    let t = performance.now();
    for (let i = 0; i < cfg.instances; i++) await start(i);
    result.setup.push(`${cfg.instances} × \`next start\` up: ${secs(t).toFixed(1)} s`);
    const cluster = new Cluster(servers.map((s) => s.origin));
    const origin = servers[0].origin;

    // the documents, through the API
    const docs: Doc[] = [];
    for (const seed of [31, 32, 33]) {
      const d = workDocument(seed, 3000);
      const { body } = await call<{ id: string }>(origin, admin.token, "POST", "/api/v1/documents", { title: d.title, text: d.text, project: "loadtest" });
      docs.push({ id: body.id, wordStarts: d.wordStarts, wordEnds: d.wordEnds });
    }
    const [openDoc, closedDoc, crashDoc] = docs;
    result.setup.push(`3 documents of 3,000 words made with POST /api/v1/documents`);
    const ledger = new Ledger();
    const cycling = annotators.map((a) => new CyclingAnnotator(a, openDoc, cluster, ledger));

    if (cfg.steps.includes("open")) {
      log(`open loop: ${annotators.length} annotators with a live stream each, one call a second, ${cfg.openSeconds} s (+${cfg.warmupSeconds} s warm-up)`);
      const streams = annotators.map((a) => openStream(cluster.pick(), a.token, openDoc.id));
      await Promise.all(streams.map((s) => s.opened));
      await openLoop(cycling, { seconds: cfg.warmupSeconds, rec: null });
      const rec = new Recorder();
      const stallMs: number[] = [];
      for (const s of servers) await s.loop.reset();
      const run = await openLoop(cycling, { seconds: cfg.openSeconds, rec });
      for (const s of servers) stallMs.push((await s.loop.read()).stallMs);
      const streamEvents = streams.reduce((n, s) => n + s.events(), 0);
      for (const s of streams) s.close();
      result.open = {
        all: rec.summary(),
        kinds: Object.fromEntries(rec.kinds().map((k) => [k, rec.summary(k)])),
        ...run,
        streams: streams.length,
        streamEvents,
        stallMs,
        examples: rec.errorExamples,
      };
      log(
        `open loop: ${run.calls} calls, p95 ${result.open.all.p95.toFixed(1)} ms, p99 ${result.open.all.p99.toFixed(1)} ms, ${result.open.all.errors} errors, ${streamEvents} live events received`,
      );
      flush();
    }

    if (cfg.steps.includes("closed")) {
      log(`closed loop: ${annotators.length} writers creating spans as fast as answered, ${cfg.closedSeconds} s`);
      const rec = new Recorder();
      await createFlood(annotators, closedDoc, { cluster, ledger, seconds: 2, rec: new Recorder(), firstPlace: 2000 }); // warm-up
      const api = await createFlood(annotators, closedDoc, { cluster, ledger, seconds: cfg.closedSeconds, rec });
      // the raw baseline: the same rows (span + audit) into the first writer's layer, straight through the driver, 50 at a time
      const [layer] = await driver.all<{ id: string }>(`SELECT "id" FROM "Layer" WHERE "documentId" = ? AND "userId" = ?`, [closedDoc.id, annotators[0].id]);
      const [label] = await driver.all<{ id: string }>(`SELECT "id" FROM "Label" WHERE "projectId" = ? AND "name" = 'PERSON'`, [projectId]);
      const p = placeOf(closedDoc, 0);
      const row: RawSpan = {
        layerId: layer.id,
        labelId: label.id,
        start: p.start,
        end: p.end,
        text: "x",
        createdById: annotators[0].id,
        projectId,
        documentId: closedDoc.id,
      };
      let raw = 0;
      const t1 = performance.now();
      const until = t1 + cfg.closedSeconds * 1000;
      await Promise.all(
        annotators.map(async () => {
          while (performance.now() < until) {
            await driver.insertSpanWithAudit(row);
            raw++;
            if (driver.provider === "sqlite" && raw % 50 === 0) await new Promise((r) => setImmediate(r));
          }
        }),
      );
      const rawSeconds = secs(t1);
      // the floor: a call the server refuses (401) before any database work, from as many callers, for a third as long
      let refused = 0;
      const t2 = performance.now();
      const floorUntil = t2 + (cfg.closedSeconds * 1000) / 3;
      await Promise.all(
        annotators.map(async () => {
          while (performance.now() < floorUntil) {
            await call(cluster.pick(), "not-a-token", "GET", `/api/v1/documents/${closedDoc.id}/annotations`).catch(() => undefined);
            refused++;
          }
        }),
      );
      const floorPerSec = refused / secs(t2);
      const apiPerSec = api.acknowledged / api.seconds;
      const rawPerSec = raw / rawSeconds;
      result.closed = {
        apiPerSec,
        rawPerSec,
        ratio: apiPerSec / rawPerSec,
        api: rec.summary(),
        apiCreates: api.acknowledged,
        rawCreates: raw,
        seconds: api.seconds,
        examples: rec.errorExamples,
        floorPerSec,
      };
      await driver.run(`DELETE FROM "Annotation" WHERE "layerId" = ? AND "text" = 'x'`, [layer.id]); // the baseline's rows are not the API's
      log(
        `closed loop: API ${apiPerSec.toFixed(0)} creates/s, driver ${rawPerSec.toFixed(0)}/s, ratio ${((100 * apiPerSec) / rawPerSec).toFixed(1)}%; refused calls (no database work) ${floorPerSec.toFixed(0)}/s`,
      );
      flush();
    }

    if (cfg.steps.includes("import")) {
      const background = cycling.slice(0, cfg.background);
      t = performance.now();
      const file = importFile(cfg.importDocs, cfg.importWords, cfg.importSpans);
      log(
        `import: ${cfg.importDocs} documents, ${file.spans} spans, ${(file.body.length / 1e6).toFixed(1)} MB (made in ${secs(t).toFixed(1)} s), ${background.length} other users at one call a second`,
      );
      const rec = new Recorder();
      let done = false;
      for (const s of servers) await s.loop.reset();
      const others = openLoop(background, { seconds: 3600, rec, stop: () => done });
      t = performance.now();
      const query = new URLSearchParams({ project: "loadtest", format: "native", into: `annotator:${annotators[0].email}`, filename: "corpus.jsonl" });
      let error: string | undefined;
      let summary: { documents: number; spans: number; errorCount: number } | null = null;
      try {
        summary = (
          await call<{ documents: number; spans: number; errorCount: number }>(origin, admin.token, "POST", `/api/v1/import?${query}`, file.body, {
            "content-type": "application/x-ndjson",
          })
        ).body;
      } catch (err) {
        error = (err as Error).message;
      }
      const seconds = secs(t);
      done = true;
      await others;
      const stallMs: number[] = [];
      for (const s of servers) stallMs.push((await s.loop.read()).stallMs);
      const docsIn = summary?.documents ?? 0;
      result.import = {
        docs: docsIn,
        spans: summary?.spans ?? 0,
        bytes: file.body.length,
        seconds,
        docsPerSec: docsIn / seconds,
        others: rec.summary(),
        stallMs,
        examples: rec.errorExamples,
        error,
      };
      log(
        `import: ${docsIn} documents in ${seconds.toFixed(1)} s (${(docsIn / seconds).toFixed(0)}/s); others' p95 ${rec.summary().p95.toFixed(0)} ms${error ? `; FAILED: ${error}` : ""}`,
      );
      flush();

      log("export: the project, every annotator layer (native JSONL)");
      const rec2 = new Recorder();
      done = false;
      const others2 = openLoop(background, { seconds: 3600, rec: rec2, stop: () => done });
      const pid = servers[0].pid;
      const rssStartMb = rssMb(pid);
      const samples: number[] = [];
      const sampler = setInterval(() => samples.push(rssMb(pid)), 200);
      let exp: Awaited<ReturnType<typeof download>> | null = null;
      let exportError: string | undefined;
      try {
        exp = await download(origin, admin.token, `/api/v1/export?project=loadtest&layer=annotators&status=all&manifest=none`);
      } catch (err) {
        exportError = (err as Error).message;
      }
      clearInterval(sampler);
      done = true;
      await others2;
      const seconds2 = (exp?.ms ?? 0) / 1000;
      const docsOut = exp?.lines ?? 0;
      result.export = {
        docs: docsOut,
        bytes: exp?.bytes ?? 0,
        seconds: seconds2,
        docsPerSec: docsOut / seconds2,
        others: rec2.summary(),
        rssStartMb,
        rssMaxMb: Math.max(rssStartMb, ...samples),
        rssEndMb: rssMb(pid),
        rssSamplesMb: samples.filter((_, i) => i % 5 === 0),
        error: exportError,
      };
      log(
        `export: ${docsOut} documents in ${seconds2.toFixed(1)} s; RSS ${rssStartMb.toFixed(0)} → max ${result.export.rssMaxMb.toFixed(0)} MB; others' p95 ${rec2.summary().p95.toFixed(0)} ms`,
      );
      flush();

      result.search = await measureSearch(origin, admin.token, docsIn);
      log(
        `search: p95 ${result.search.search.p95.toFixed(0)} ms over ${docsIn} documents; the document list's p95 ${result.search.baseline.p95.toFixed(0)} ms; per query ${result.search.perQuery.map((x) => `${x.q} ${x.p95.toFixed(0)}`).join(", ")}`,
      );
      flush();
    }

    result.verify = await ledger.verify(driver, [openDoc.id, closedDoc.id]);
    log(
      `check: ${result.verify.acknowledgedCreates} creates, ${result.verify.acknowledgedUpdates} relabels, ${result.verify.acknowledgedDeletes} deletes acknowledged; lost ${result.verify.lost}, doubled ${result.verify.doubled}, deleted but present ${result.verify.deletedButPresent}`,
    );
    flush();

    if (cfg.steps.includes("crash")) {
      const writers = annotators.slice(0, cfg.crashWriters);
      const crashLedger = new Ledger();
      const rec = new Recorder();
      log(`crash: ${writers.length} writers, SIGKILL of every instance after ${cfg.crashAfterSeconds} s`);
      let killed = false;
      const flood = createFlood(writers, crashDoc, { cluster, ledger: crashLedger, seconds: 600, rec, stopOnError: true, stop: () => killed });
      await sleep(cfg.crashAfterSeconds * 1000);
      killed = true;
      await Promise.all(servers.map((s) => s.kill()));
      const { acknowledged } = await flood;
      t = performance.now();
      for (let i = 0; i < cfg.instances; i++) await start(i);
      const restartSeconds = secs(t);
      const verdict = await crashLedger.verify(driver, [crashDoc.id]);
      let afterRestartOk = false;
      try {
        const p = placeOf(crashDoc, 2900);
        await call(servers[0].origin, writers[0].token, "POST", `/api/v1/documents/${crashDoc.id}/annotations`, { start: p.start, end: p.end, label: "ORG" });
        afterRestartOk = true;
      } catch {
        /* reported */
      }
      result.crash = {
        writers: writers.length,
        acknowledged,
        failed: rec.summary().errors,
        killedAfterSeconds: cfg.crashAfterSeconds,
        restartSeconds,
        verdict,
        afterRestartOk,
      };
      log(
        `crash: ${acknowledged} acknowledged before the kill; lost ${verdict.lost}, doubled ${verdict.doubled}; restart ${restartSeconds.toFixed(1)} s, a write after it ${afterRestartOk ? "ok" : "FAILED"}`,
      );
      flush();
    }
  } catch (err) {
    for (const s of servers) if (s) console.error(`--- server log tail (${s.origin}) ---\n${s.logTail()}`);
    throw err;
  } finally {
    flush();
    await Promise.all(servers.map((s) => s?.stop()));
    await direct?.close();
  }
}

if (!cfg) throw new Error("lib/loadtest/phase.ts is started by npm run loadtest (LOADTEST_PHASE is missing)");
runScript(main, { label: `loadtest[${cfg.provider}] failed` });
