/**
 * The load test's figures → the console and its own section of BENCHMARKS.md
 * (between <!-- loadtest:start --> and <!-- loadtest:end -->): each figure
 * with its target and "met" or "MISSED", then the latencies per call kind.
 */
import os from "node:os";
import { writeSection } from "@/lib/bench/report-section";
import type { LoadtestConfig } from "@/lib/ops/loadtest";
import type { PhaseResult } from "./phase";
import type { Summary } from "./stats";

type Judged = { database: string; measure: string; value: string; target: string; met: boolean | null };

const ms = (v: number) => (Number.isFinite(v) ? `${v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString("en")} ms` : "—");
const n = (v: number, digits = 0) => (Number.isFinite(v) ? v.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "—");

/**
 * Regression guards for what scaled before this work, at half the speed measured then, memory growth within 100 MB.
 * SQLite: issue 10 (5,000 documents imported in 53 s, exported in 2.9 s with memory flat at 310–330 MB).
 * PostgreSQL (two instances): the first run of this load test on that code, on this machine (5,000 documents
 * imported in 261 s, 19/s; exported in 24.8 s, 201/s; RSS 346 → 348 MB).
 */
export const GUARDS = {
  sqlite: { exportDocsPerSec: 850, importDocsPerSec: 47, exportRssGrowthMb: 100 },
  postgresql: { exportDocsPerSec: 100, importDocsPerSec: 9.5, exportRssGrowthMb: 100 },
} as const;

export function judgeResults(results: PhaseResult[]): Judged[] {
  const rows: Judged[] = [];
  for (const r of results) {
    const db = r.provider === "sqlite" ? "SQLite" : `PostgreSQL, ${r.instances} instances`;
    const guard = GUARDS[r.provider as keyof typeof GUARDS];
    const add = (measure: string, value: string, target: string, met: boolean | null) => rows.push({ database: db, measure, value, target, met });
    if (r.open) {
      const o = r.open;
      add("open loop: p95 of every call", ms(o.all.p95), "< 50 ms", o.all.p95 < 50);
      add("open loop: p99 of every call", ms(o.all.p99), "< 150 ms", o.all.p99 < 150);
      add("open loop: errors", `${o.all.errors} of ${n(o.calls)}`, "0", o.all.errors === 0);
    }
    if (r.closed) {
      const c = r.closed;
      add(
        "closed loop: span creates/s through the API ÷ the same rows through the driver",
        `${n(c.apiPerSec)} / ${n(c.rawPerSec)} = ${(100 * c.ratio).toFixed(1)}%`,
        "≥ 25%",
        c.ratio >= 0.25,
      );
      add("closed loop: errors", `${c.api.errors}`, "0", c.api.errors === 0);
    }
    if (r.import) {
      const i = r.import;
      add(
        "others' p95 during the import",
        `${ms(i.others.p95)} (${i.others.errors} errors)`,
        "< 100 ms",
        !i.error && i.others.p95 < 100 && i.others.errors === 0,
      );
      add(
        "import throughput (guard)",
        i.error ? `failed: ${i.error.slice(0, 120)}` : `${n(i.docsPerSec, 1)} documents/s (${n(i.docs)} in ${n(i.seconds, 1)} s)`,
        `≥ ${guard.importDocsPerSec}/s`,
        !i.error && i.docsPerSec >= guard.importDocsPerSec,
      );
    }
    if (r.search) {
      const q = r.search;
      add(
        `search p95 over ${n(q.docs)} documents (÷ the document list's p95)`,
        `${ms(q.search.p95)} (÷ ${ms(q.baseline.p95)} = ${n(q.search.p95 / q.baseline.p95, 1)}×; ${q.search.errors} errors)`,
        "≤ 100 ms",
        q.search.errors === 0 && q.search.p95 <= 100,
      );
    }
    if (r.export) {
      const e = r.export;
      add(
        "others' p95 during the export",
        `${ms(e.others.p95)} (${e.others.errors} errors)`,
        "< 100 ms",
        !e.error && e.others.p95 < 100 && e.others.errors === 0,
      );
      add(
        "export throughput (guard)",
        e.error ? `failed: ${e.error}` : `${n(e.docsPerSec)} documents/s (${n(e.docs)} in ${n(e.seconds, 1)} s, ${n(e.bytes / 1e6, 1)} MB)`,
        `≥ ${guard.exportDocsPerSec}/s`,
        !e.error && e.docsPerSec >= guard.exportDocsPerSec,
      );
      add(
        "server memory during the export (guard)",
        `RSS ${n(e.rssStartMb)} → max ${n(e.rssMaxMb)} MB`,
        `growth ≤ ${guard.exportRssGrowthMb} MB`,
        e.rssMaxMb - e.rssStartMb <= guard.exportRssGrowthMb,
      );
    }
    if (r.verify) {
      const v = r.verify;
      add(
        "acknowledged writes (open and closed loop, import/export users): lost / doubled",
        `${v.lost} / ${v.doubled} of ${n(v.acknowledgedCreates)} creates; ${v.deletedButPresent} of ${n(v.acknowledgedDeletes)} deletes still present; ${v.wrongLabel} wrong labels of ${n(v.acknowledgedUpdates)} relabels; ${v.auditMismatches} audit mismatches`,
        "0 / 0, 0, 0, 0",
        v.lost + v.doubled + v.deletedButPresent + v.wrongLabel + v.auditMismatches === 0,
      );
    }
    if (r.crash) {
      const c = r.crash;
      const v = c.verdict;
      add(
        `crash: SIGKILL among ${c.writers} writers, restart (guard)`,
        `${v.lost} lost, ${v.doubled} doubled of ${n(c.acknowledged)} acknowledged (${v.unacknowledged} cut-off writes committed); restart ${n(c.restartSeconds, 1)} s; a write after it ${c.afterRestartOk ? "ok" : "failed"}`,
        "0 lost, 0 doubled",
        v.lost + v.doubled + v.auditMismatches === 0 && c.afterRestartOk,
      );
    }
  }
  return rows;
}

const result = (met: boolean | null, md: boolean) => (met === null ? "—" : met ? "met" : md ? "**MISSED**" : "MISSED");

function latencyLines(title: string, kinds: Record<string, Summary>, all: Summary): string[] {
  const rows = [...Object.entries(kinds), ["all", all] as const];
  return [
    title,
    "",
    "| call | n | errors | p50 | p95 | p99 | max |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(([k, s]) => `| ${k} | ${n(s.n)} | ${s.errors} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |`),
    "",
  ];
}

export function writeLoadtestReport(
  cfg: LoadtestConfig,
  results: PhaseResult[],
  run: { build: string; elapsed: number; loadAvgStart: number[]; failures: string[] },
): number {
  const judged = judgeResults(results);
  const width = (k: keyof Judged) => Math.max(...judged.map((j) => String(k === "met" ? result(j.met, false) : j[k]).length), String(k).length);
  console.log("");
  for (const j of judged)
    console.log([j.database.padEnd(width("database")), j.measure.padEnd(width("measure")), j.value, `(target ${j.target})`, result(j.met, false)].join("  "));
  const missed = judged.filter((j) => j.met === false);
  const cpus = os.cpus();
  const date = new Date().toISOString();
  const lines = [
    "# Load test",
    "",
    `Written by \`npm run loadtest\` (lib/ops/loadtest.ts) on ${date.slice(0, 10)} (${date}); the run took ${Math.floor(run.elapsed / 60)} min ${run.elapsed % 60} s (next build: ${run.build}).`,
    "",
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(os.totalmem() / 1024 ** 3)} GB, ${os.type()} ${os.release()} (${os.arch()}); Node ${process.version}. Load average (1 min) at start ${run.loadAvgStart[0].toFixed(2)}, at the end ${os.loadavg()[0].toFixed(2)} (the machine may be shared; the load generator runs on it too).`,
    `- Server: the production build (\`next start\`) on 127.0.0.1; SQLite: one instance on a fresh file; PostgreSQL: ${cfg.pgInstances} instances on one fresh database, every call sent to the next instance in turn.`,
    `- Setup through the product: the admin and their token with the CLI, ${cfg.annotators} annotators (project members, API tokens) with the functions the CLI calls, documents with \`POST /api/v1/documents\`.`,
    `- Open loop: ${cfg.annotators} annotators, each with the document's live stream open, one call a second each (create, relabel, list, delete the previous span, in turn) for ${cfg.openSeconds} s after ${cfg.warmupSeconds} s of warm-up; a call is timed from when it was due (a call waiting for the same annotator's previous one counts its wait).`,
    `- Closed loop: ${cfg.annotators} writers creating spans as fast as answered for ${cfg.closedSeconds} s; then the same rows (span and its audit row, one transaction each) straight through the driver (better-sqlite3 / pg with a pool of 10) from ${cfg.annotators} concurrent loops for as long.`,
    `- Import and export: ${n(cfg.importDocs)} documents (~${cfg.importWords} words, ~${cfg.importSpans} spans each) in one \`POST /api/v1/import\` (native JSONL) into an annotator's layer, then \`GET /api/v1/export\` of them (every annotator layer), while ${cfg.background} other annotators make one call a second; the server's RSS sampled every 200 ms from /proc.`,
    `- Check: every acknowledged create present exactly once with its last acknowledged label, every acknowledged delete gone, one audit row per acknowledged change (read straight from the database). Crash: ${cfg.crashWriters} writers, every instance SIGKILLed after ${cfg.crashAfterSeconds} s, restarted, checked the same way.`,
    "",
    "## Summary",
    "",
    missed.length === 0 && !run.failures.length
      ? "Every target was met in this run."
      : `**${missed.length} of ${judged.filter((j) => j.met !== null).length} targets were MISSED in this run.**`,
    ...run.failures.map((f) => `- **FAILED:** ${f}`),
    "",
    "| database | measure | value | target | result |",
    "| --- | --- | --- | --- | --- |",
    ...judged.map((j) => `| ${j.database} | ${j.measure} | ${j.value} | ${j.target} | ${result(j.met, true)} |`),
    "",
  ];
  for (const r of results) {
    const db = r.provider === "sqlite" ? "SQLite" : `PostgreSQL, ${r.instances} instances`;
    lines.push(`## ${db}`, "");
    if (r.open) {
      lines.push(
        ...latencyLines(
          `Open loop: ${n(r.open.calls)} calls in ${n(r.open.seconds, 1)} s (${n(r.open.calls / r.open.seconds, 1)}/s); ${r.open.streams} live streams received ${n(r.open.streamEvents)} events; ${r.open.late} calls started over 100 ms late; longest event-loop stall ${r.open.stallMs.map(ms).join(", ")}.`,
          r.open.kinds,
          r.open.all,
        ),
      );
      if (r.open.examples.length) lines.push("Errors, first few:", "", ...r.open.examples.map((e) => `- \`${e}\``), "");
    }
    if (r.closed)
      lines.push(
        `Closed loop: ${n(r.closed.apiCreates)} creates through the API in ${n(r.closed.seconds, 1)} s (p50 ${ms(r.closed.api.p50)}, p95 ${ms(r.closed.api.p95)}, p99 ${ms(r.closed.api.p99)}); ${n(r.closed.rawCreates)} through the driver. The floor of the server itself: ${n(r.closed.floorPerSec)} calls/s refused with 401 before any database work (bad token), from as many callers — a span create can go no faster than that.`,
        "",
      );
    if (r.import)
      lines.push(
        `Import: ${n(r.import.docs)} documents, ${n(r.import.spans)} spans, ${n(r.import.bytes / 1e6, 1)} MB in ${n(r.import.seconds, 1)} s; the others' calls meanwhile: n ${r.import.others.n}, p50 ${ms(r.import.others.p50)}, p95 ${ms(r.import.others.p95)}, p99 ${ms(r.import.others.p99)}, max ${ms(r.import.others.max)}, ${r.import.others.errors} errors; longest event-loop stall ${r.import.stallMs.map(ms).join(", ")}.${r.import.examples.length ? ` First errors: ${r.import.examples.map((e) => `\`${e}\``).join("; ")}` : ""}`,
        "",
      );
    if (r.export)
      lines.push(
        `Export: ${n(r.export.docs)} documents, ${n(r.export.bytes / 1e6, 1)} MB in ${n(r.export.seconds, 1)} s; the others' calls meanwhile: n ${r.export.others.n}, p50 ${ms(r.export.others.p50)}, p95 ${ms(r.export.others.p95)}, max ${ms(r.export.others.max)}; RSS (MB) ${r.export.rssSamplesMb.map((x) => n(x)).join(", ")}, at the end ${n(r.export.rssEndMb)}.`,
        "",
      );
    if (r.search)
      lines.push(
        `Search: ${r.search.search.n} queries (${r.search.queries.map((q) => `\`${q}\``).join(", ")}, first page of 20) over ${n(r.search.docs)} documents, one at a time: p50 ${ms(r.search.search.p50)}, p95 ${ms(r.search.search.p95)}, max ${ms(r.search.search.max)}, ${r.search.search.errors} errors; the first page of the document list between them: p50 ${ms(r.search.baseline.p50)}, p95 ${ms(r.search.baseline.p95)}. Per query (p50 / p95): ${(r.search.perQuery ?? []).map((x) => `\`${x.q}\` ${ms(x.p50)} / ${ms(x.p95)}`).join(", ")}.${r.search.examples.length ? ` First errors: ${r.search.examples.map((e) => `\`${e}\``).join("; ")}` : ""}`,
        "",
      );
    const examples = [...(r.verify?.examples ?? []), ...(r.crash?.verdict.examples ?? [])];
    if (examples.length) lines.push("Check, first findings:", "", ...examples.map((e) => `- ${e}`), "");
    lines.push("Setup: " + r.setup.join("; ") + ".", "");
  }
  writeSection(cfg.out, "loadtest", lines.join("\n"));
  return missed.length + run.failures.length;
}
