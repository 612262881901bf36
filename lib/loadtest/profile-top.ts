/**
 * `npx tsx lib/loadtest/profile-top.ts FILE.cpuprofile [N]`: the functions
 * with the most self time in a V8 CPU profile (node --cpu-prof), and the
 * same grouped by package, as percentages of the sampled time.
 */
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

export function topSelf(profile: Profile, limit = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const where = f.url.replace(/^file:\/\//, "").replace(/^.*?\/(node_modules|\.next)\//, "$1/");
    const key = `${f.functionName || "(anonymous)"} ${where ? `${where}:${f.lineNumber + 1}` : ""}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + us);
    const pkg =
      /node_modules\/((@[^/]+\/)?[^/]+)/.exec(f.url)?.[1] ??
      (f.url.includes("/.next/") ? ".next (app code)" : f.url ? f.url.split("/").slice(-2).join("/") : f.functionName);
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + us);
  }
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([k, us]) => ({ what: k, ms: us / 1000, share: us / total }));
  return { totalMs: total / 1000, functions: top(fns), packages: top(pkgs) };
}

if (process.argv[1]?.endsWith("profile-top.ts")) {
  const [file, n] = process.argv.slice(2);
  const r = topSelf(JSON.parse(readFileSync(file, "utf8")) as Profile, Number(n ?? 25));
  console.log(`${file}: ${Math.round(r.totalMs).toLocaleString("en")} ms sampled`);
  console.log("\nself time by function");
  for (const f of r.functions) console.log(`${(100 * f.share).toFixed(1).padStart(5)}%  ${f.what}`);
  console.log("\nself time by package");
  for (const f of r.packages.slice(0, 15)) console.log(`${(100 * f.share).toFixed(1).padStart(5)}%  ${f.what}`);
}
