/**
 * `npm run bench:scale`: corpus-scale figures of the syndication index and of
 * chunked imports, measured in one process through the domain functions the
 * API routes call (the same event loop a server has). Prints them; asserts
 * nothing.
 *
 *   1. a 5,000-document project imported as one JSONL file (import time, the
 *      longest event-loop stall);
 *   2. the syndication of 20 of its documents read from the index (time per
 *      request, longest stall);
 *   3. the index dropped and rebuilt by the backfill (time, longest stall);
 *   4. a 2,000,000-character document with 20,000 spans, and a document with
 *      100,000 spans, each imported while a probe plays another user (a small
 *      read every 20 ms): import time, longest stall, the probe's p95 and max.
 *
 * Database: a fresh SQLite file in a temporary directory, or BENCH_DATABASE_URL
 * (a PostgreSQL URL: a database of that name is created and dropped).
 * Knobs: BENCH_SCALE_DOCS (5000), BENCH_SCALE_BIG_CHARS (2000000),
 * BENCH_SCALE_MANY_SPANS (100000).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadavg } from "node:os";
import { runScript } from "./run-script";

const int = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const DOCS = int("BENCH_SCALE_DOCS", 5000);
const BIG_CHARS = int("BENCH_SCALE_BIG_CHARS", 2_000_000);
const MANY_SPANS = int("BENCH_SCALE_MANY_SPANS", 100_000);
const TICK_MS = 2;
/**
 * Import throughput guard (issue 10, item 5): before the syndication index, 5,000
 * documents imported in 53 s, so at least 94 documents per second. Checked on
 * the import's CPU time, which other processes on a shared machine inflate far
 * less than its wall time; the script exits with 1 when it is missed.
 */
const MIN_IMPORT_DOCS_PER_CPU_S = int("BENCH_SCALE_MIN_DOCS_PER_CPU_S", 94);
const SHOW_GAPS = !!process.env.BENCH_SCALE_GAPS;

const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString("en-US")} ms`;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : 0;
};

/**
 * Watches the event loop with a timer every TICK_MS. For each gap between two
 * ticks it knows the wall time and the process's CPU time (user + system):
 * a gap of long wall time but little CPU is the machine's other processes
 * (or a blocking disk wait) starving this one, not synchronous work of ours.
 * Reports the longest gap (with the CPU time spent in it) and the gap with the
 * most CPU time in it (the longest block of our own synchronous work).
 */
function loopWatch() {
  let stop = false;
  let wall = 0;
  let wallCpu = 0;
  let cpu = 0;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const tick = () => {
    if (stop) return;
    const now = performance.now();
    const used = process.cpuUsage(lastCpu);
    const gap = now - last - TICK_MS;
    const gapCpu = (used.user + used.system) / 1000;
    if (gap > wall) [wall, wallCpu] = [gap, gapCpu];
    // BENCH_SCALE_GAPS=1: where the long gaps are (ms since the process started), to find them in a --cpu-prof profile
    if (SHOW_GAPS && gap > 50) console.log(`  gap ${gap.toFixed(0)} ms (${gapCpu.toFixed(0)} ms CPU) ending at ${now.toFixed(0)} ms`);
    cpu = Math.max(cpu, gapCpu);
    last = now;
    lastCpu = process.cpuUsage();
    setTimeout(tick, TICK_MS);
  };
  setTimeout(tick, TICK_MS);
  return () => {
    stop = true;
    return { stall: Math.max(0, wall), stallCpu: wallCpu, block: cpu };
  };
}

/** Runs `fn` while watching the event loop; with `probe`, also times a small read every 20 ms. */
async function measure<T>(fn: () => Promise<T>, probe?: () => Promise<unknown>) {
  const latencies: number[] = [];
  let stop = false;
  const prober = (async () => {
    while (probe && !stop) {
      const t = performance.now();
      await probe();
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const load = loadavg()[0];
  const watch = loopWatch();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const elapsed = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  const loop = watch();
  stop = true;
  await prober;
  return {
    result,
    elapsed,
    cpu: (used.user + used.system) / 1000,
    load,
    ...loop,
    p95: pct(latencies, 95),
    maxProbe: Math.max(0, ...latencies),
    probes: latencies.length,
  };
}

/** "… ms (CPU … ms, load …), longest event-loop stall … ms (… ms CPU in it), longest synchronous block … ms" */
const timing = (m: { elapsed: number; cpu: number; load: number; stall: number; stallCpu: number; block: number }) =>
  `${ms(m.elapsed)} (CPU ${ms(m.cpu)}, load ${m.load.toFixed(1)}), longest event-loop stall ${ms(m.stall)} (${ms(m.stallCpu)} CPU in it), most CPU between two ticks ${ms(m.block)}`;

async function* chunksOf(text: string) {
  for (let i = 0; i < text.length; i += 64 * 1024) yield text.slice(i, i + 64 * 1024);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "marginalia-scale-"));
  const pgUrl = process.env.BENCH_DATABASE_URL;
  const url = pgUrl ?? `file:${join(dir, "scale.db")}`;
  process.env.DATABASE_URL = url;
  const { migrate, ensurePostgresDatabase, dropPostgresDatabase } = await import("@/lib/db/migrate");
  if (pgUrl) await ensurePostgresDatabase(pgUrl);
  try {
    await migrate(url);
    const { db } = await import("@/lib/db");
    const { makeUser, makeProject } = await import("@/lib/testing/factories");
    const { benchCorpus } = await import("@/lib/bench/corpus");
    const { importFiles } = await import("@/lib/import/import-files");
    const { documentSyndication } = await import("@/lib/syndication/project-syndication");
    const { backfillProject, startBackfill } = await import("@/lib/syndication/backfill");
    const { actor } = await makeUser("ADMIN");
    const project = await makeProject();
    const importJsonl = (lines: string[]) =>
      importFiles({ actor, options: { project: project.slug, createLabels: "true" }, files: [{ name: "bench.jsonl", chunks: chunksOf(lines.join("\n")) }] });
    const line = (title: string, text: string, spans: { start: number; end: number; label: string }[] = []) => JSON.stringify({ title, text, spans });
    const out: string[] = [`database: ${pgUrl ? "PostgreSQL" : "SQLite"}`];
    const say = (s: string) => {
      out.push(s);
      console.log(s);
    };
    say(out[0]);

    // 1. the corpus: ~400 words each, one seed-article passage woven into each (shared by about a fifth of the corpus)
    const lines: string[] = [];
    for (let i = 0; i < DOCS; i++) {
      const c = benchCorpus({ words: 400, spans: 17, seed: 1000 + i, passages: 1 });
      lines.push(line(`Report ${i}`, c.text, c.spans));
    }
    const chars = lines.reduce((n, l) => n + l.length, 0);
    const corpus = await measure(() => importJsonl(lines));
    say(
      `import of ${DOCS.toLocaleString("en-US")} documents (${(chars / 1e6).toFixed(1)} MB JSONL, ${corpus.result.spans.toLocaleString("en-US")} spans): ${timing(corpus)}`,
    );
    const perCpuS = DOCS / (corpus.cpu / 1000);
    const guardMet = perCpuS >= MIN_IMPORT_DOCS_PER_CPU_S;
    say(
      `  import throughput: ${Math.round(DOCS / (corpus.elapsed / 1000))} documents/s, ${Math.round(perCpuS)} per CPU second (guard ≥ ${MIN_IMPORT_DOCS_PER_CPU_S}: ${guardMet ? "met" : "MISSED"})`,
    );
    // large imports leave the syndication index to the background backfill they start; wait for it
    const indexing = await measure(
      () => startBackfill(project.id),
      () => db.document.findFirst({ where: { projectId: project.id }, select: { id: true } }),
    );
    say(
      `  then the syndication index of its documents, built in the background: ${timing(indexing)}, another user's read p95 ${ms(indexing.p95)} (max ${ms(indexing.maxProbe)}, ${indexing.probes} reads)`,
    );

    // 2. syndication of single documents, from the index
    const ids = corpus.result.created
      .filter((_, i) => i % Math.max(1, Math.floor(DOCS / 20)) === 0)
      .map((c) => c.id)
      .slice(0, 20);
    const times: number[] = [];
    let passages = 0;
    const synd = await measure(async () => {
      for (const id of ids) {
        const t = performance.now();
        const r = await documentSyndication({ actor, documentId: id });
        times.push(performance.now() - t);
        passages += r.passages.length;
      }
    });
    say(
      `syndication of one document in a ${DOCS.toLocaleString("en-US")}-document project (${ids.length} documents, ${passages} passages found): median ${ms(pct(times, 50))}, max ${ms(Math.max(...times))}; all: ${timing(synd)}`,
    );

    // 3. the backfill of a project whose documents predate the index
    await db.syndicationShingle.deleteMany({ where: { projectId: project.id } });
    await db.document.updateMany({ where: { projectId: project.id }, data: { shinglesIndexed: false } });
    const backfill = await measure(
      () => backfillProject(project.id),
      () => db.document.findFirst({ where: { projectId: project.id }, select: { id: true } }),
    );
    say(
      `backfill of the index for ${backfill.result.toLocaleString("en-US")} documents: ${timing(backfill)}, another user's read p95 ${ms(backfill.p95)} (max ${ms(backfill.maxProbe)}, ${backfill.probes} reads)`,
    );

    // 4. long imports while another user reads
    const probe = () => db.annotation.findMany({ where: { layer: { document: { projectId: project.id } } }, take: 20, select: { id: true } });
    const big = benchCorpus({ codePoints: BIG_CHARS, spans: 20_000, seed: 1 });
    const bigRun = await measure(() => importJsonl([line("Big", big.text, big.spans)]), probe);
    say(
      `import of a ${BIG_CHARS.toLocaleString("en-US")}-character document with ${big.spans.length.toLocaleString("en-US")} spans: ${timing(bigRun)}, another user's read p95 ${ms(bigRun.p95)} (max ${ms(bigRun.maxProbe)}, ${bigRun.probes} reads)`,
    );
    const many = benchCorpus({ words: Math.ceil(MANY_SPANS * 1.5), spans: MANY_SPANS, seed: 2 });
    const manyRun = await measure(() => importJsonl([line("Many spans", many.text, many.spans)]), probe);
    say(
      `import of a document with ${many.spans.length.toLocaleString("en-US")} spans (${many.codePoints.toLocaleString("en-US")} characters): ${timing(manyRun)}, another user's read p95 ${ms(manyRun.p95)} (max ${ms(manyRun.maxProbe)}, ${manyRun.probes} reads)`,
    );
    const bigSynd = await measure(() => documentSyndication({ actor, documentId: bigRun.result.created[0].id }));
    say(`syndication of the ${BIG_CHARS.toLocaleString("en-US")}-character document (${bigSynd.result.passages.length} passages): ${timing(bigSynd)}`);
    await db.$disconnect();
    return guardMet ? 0 : 1;
  } finally {
    if (pgUrl) await dropPostgresDatabase(pgUrl).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

runScript(main, { label: "bench:scale failed" });
