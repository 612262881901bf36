import { performance } from "node:perf_hooks";
async function main() {
  const { db } = await import("@/lib/db");
  const { readTotals } = await import("@/lib/agreement/stored/totals");
  const { AgreementTally } = await import("@/lib/agreement/agreement-tally");
  const project = await db.project.findUniqueOrThrow({ where: { slug: "bench-agreement-5000" } });
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    const lap = (what: string) => { const now = performance.now(); console.log(what, (now - t).toFixed(1)); t = now; };
    const totals = await readTotals(project.id, "completed"); lap(`totals ${totals.counted.size}+${totals.all.size}`);
    const tally = new AgreementTally(["PERSON"]); tally.addCells(totals.counted); lap("add");
    tally.overall(); lap("overall");
    tally.perLabel(); lap("perLabel");
    const c = await db.$queryRaw`SELECT COUNT(*) AS n FROM "AgreementDocument" WHERE "projectId" = ${project.id} AND "revision" <> "computedRevision"`; lap("count stale");
  }
}
main();
