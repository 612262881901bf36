/**
 * Times the project dashboard's figures (projectAgreement, what the
 * dashboard page and GET /api/v1/projects/:id/agreement serve) on a large
 * project, with the longest event-loop stall seen while it ran.
 *
 *   DATABASE_URL=file:./data/dash.db npx tsx lib/bench/dashboard.ts [documents=5000]
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/marginalia_dash npx tsx lib/bench/dashboard.ts
 *
 * The project is made once per database (slug bench-agreement-<documents>)
 * and reused. Runs: the first view, warm views, and views right after one
 * span changes (the figures of one document are stale).
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { databaseUrl, databaseProvider } from "@/lib/db/url";
import { migrate, ensurePostgresDatabase } from "@/lib/db/migrate";
import type { Actor } from "@/lib/auth/actor";

/**
 * Runs `fn`, timing it and the longest stretch in which the event loop ran
 * nothing else (the longest gap between two ticks of a 1 ms timer). With the
 * synchronous SQLite driver a query's promise resolves without the loop
 * turning, so a run of queries is one stall, which this sees. The machine
 * may be shared: the CPU time this process used in that longest stretch is
 * given too (what the stall would be with the CPU to itself), and the load.
 */
async function measure<T>(what: string, fn: () => Promise<T>) {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let maxGap = 0;
  let maxGapCpu = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    if (now - last > maxGap) {
      maxGap = now - last;
      maxGapCpu = (cpu.user + cpu.system) / 1000;
    }
    last = now;
    lastCpu = process.cpuUsage();
  }, 1);
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  await new Promise((resolve) => setTimeout(resolve, 5)); // let the ticker see the last stretch
  clearInterval(ticker);
  const row = { what, ms: Math.round(ms), maxStallMs: Math.round(maxGap), maxStallCpuMs: Math.round(maxGapCpu), load: os.loadavg()[0].toFixed(1) };
  console.log(JSON.stringify(row));
  return { result, ...row };
}

async function main() {
  const documents = Number(process.argv[2] ?? 5000);
  const url = databaseUrl();
  if (databaseProvider() === "postgresql") await ensurePostgresDatabase(url);
  await migrate(url);
  const { db } = await import("@/lib/db");
  const { seedAgreementProject } = await import("./agreement-project");
  const { projectAgreement } = await import("@/lib/agreement/project-agreement");

  const slug = `bench-agreement-${documents}`;
  let project = await db.project.findUnique({ where: { slug } });
  if (!project) {
    const t0 = performance.now();
    await seedAgreementProject({ documents, slug });
    project = await db.project.findUniqueOrThrow({ where: { slug } });
    console.log(JSON.stringify({ what: "seed", documents, ms: Math.round(performance.now() - t0) }));
  }
  const adminUser = await db.user.findFirstOrThrow({ where: { role: "ADMIN", email: { startsWith: "bench-admin-" } } });
  const actor: Actor = { id: adminUser.id, email: adminUser.email, name: adminUser.name, role: "ADMIN" };
  const { DASHBOARD_BUDGET_MS } = await import("@/lib/agreement/project-agreement");
  const { refreshAgreement } = await import("@/lib/agreement/stored/refresh-agreement");
  const view = (includeInProgress = false) => projectAgreement({ actor, projectId: project.id, includeInProgress, budgetMs: DASHBOARD_BUDGET_MS });

  const cold = await measure(`${databaseProvider()} first view (stale cells computed within the budget)`, () => view());
  console.log(JSON.stringify({ what: "pending after the first view", documents: cold.result.pendingDocuments }));
  await measure(`${databaseProvider()} computing every stale document`, () => refreshAgreement({ projectId: project.id }));
  const first = await measure(`${databaseProvider()} view`, () => view());
  const withInProgress = await measure(`${databaseProvider()} view, in progress included`, () => view(true));
  if (process.env.BENCH_FIGURES_OUT) {
    const figures = (r: typeof first.result) => ({ annotators: r.annotators, agreement: r.agreement, distribution: r.distribution });
    writeFileSync(process.env.BENCH_FIGURES_OUT, JSON.stringify({ completed: figures(first.result), in_progress: figures(withInProgress.result) }, null, 1));
  }
  for (let i = 0; i < 3; i++) await measure(`${databaseProvider()} warm view ${i + 1}`, () => view());

  // one span changes: its document's figures are stale
  const span = await db.annotation.findFirstOrThrow({ where: { layer: { kind: "ANNOTATOR", status: "SUBMITTED", document: { projectId: project.id } } } });
  const other = await db.label.findFirstOrThrow({ where: { projectId: project.id, name: "EVENT" } });
  await db.annotation.update({ where: { id: span.id }, data: { labelId: other.id, version: { increment: 1 } } });
  const after = await measure(`${databaseProvider()} view after one span changed`, () => view());
  await db.annotation.update({ where: { id: span.id }, data: { labelId: span.labelId, version: { increment: 1 } } });
  const back = await measure(`${databaseProvider()} view after it changed back`, () => view());
  console.log(
    JSON.stringify({
      what: "check",
      documents: first.result.agreement.overall.documents,
      pending: [first.result.pendingDocuments, after.result.pendingDocuments, back.result.pendingDocuments],
      alpha: first.result.agreement.overall.alpha,
      changed: JSON.stringify(after.result.agreement) !== JSON.stringify(first.result.agreement),
      restored: JSON.stringify(back.result.agreement) === JSON.stringify(first.result.agreement),
    }),
  );
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
