import { performance } from "node:perf_hooks";
async function main() {
  const { db } = await import("@/lib/db");
  const { refreshAgreement } = await import("@/lib/agreement/stored/refresh-agreement");
  const project = await db.project.findUniqueOrThrow({ where: { slug: "bench-agreement-5000" } });
  const g = globalThis as unknown as { phase: string };
  g.phase = "start";
  let last = performance.now();
  let lastPhase = g.phase;
  setInterval(() => {
    const now = performance.now();
    if (now - last > 25) console.log("GAP", (now - last).toFixed(0), "from", lastPhase, "to", g.phase);
    last = now;
    lastPhase = g.phase;
  }, 1);
  await refreshAgreement({ projectId: project.id, budgetMs: Number(process.argv[2] ?? 3000) });
  process.exit(0);
}
main();
