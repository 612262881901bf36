import { performance } from "node:perf_hooks";
async function main() {
  const { db } = await import("@/lib/db");
  const { readTotals } = await import("@/lib/agreement/stored/totals");
  const { refreshAgreement } = await import("@/lib/agreement/stored/refresh-agreement");
  const { annotatorProgress } = await import("@/lib/agreement/annotator-progress");
  const { AgreementTally } = await import("@/lib/agreement/agreement-tally");
  const project = await db.project.findUniqueOrThrow({ where: { slug: "bench-agreement-5000" } });
  for (let i = 0; i < 4; i++) {
    let t = performance.now(); let c = process.cpuUsage();
    const lap = (what: string) => { const now = performance.now(); const cpu = process.cpuUsage(c); console.log(i, what, (now - t).toFixed(1), "cpu", ((cpu.user + cpu.system) / 1000).toFixed(1)); t = now; c = process.cpuUsage(); };
    await refreshAgreement({ projectId: project.id, budgetMs: 600 }); lap("refresh (nothing stale)");
    const labels = await db.label.findMany({ where: { projectId: project.id }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }); lap("labels");
    const totals = await readTotals(project.id, "completed"); lap(`totals ${totals.counted.size}+${totals.all.size}`);
    const tally = new AgreementTally(labels.map((l) => l.name)); tally.addCells(totals.counted); tally.overall(); tally.perLabel(); lap("tally");
    await annotatorProgress({ projectId: project.id, cells: totals.all }); lap("progress");
  }
  process.exit(0);
}
main();
