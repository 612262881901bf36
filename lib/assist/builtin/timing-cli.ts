/**
 * How long the built-in recognizer takes on a long document and the longest
 * stretch it holds the event loop, measured by a timer that should fire
 * every 10 ms: in wall time (what a request waiting behind it feels, swollen
 * when other processes share the CPU) and in CPU time used between two ticks
 * (what the stretch costs on an idle core; GC threads count too):
 *
 *   npx tsx lib/assist/builtin/timing-cli.ts [characters, default 2000000] [chunkChars]
 *
 * The text is the five seed articles, repeated until it is that long.
 */
import { cpus, loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { builtinRecognizer, DEFAULT_BUILTIN_OPTIONS } from "./builtin-recognizer";
import { ENTITY_LABEL_SPECS, SEED_REGISTRY } from "./evaluate";
import { readGold, readSeedText } from "./gold/seed-gold";

async function main() {
  const length = Number(process.argv[2] ?? 2_000_000);
  const chunkChars = process.argv[3] ? Number(process.argv[3]) : undefined;
  const seeds = readGold()
    .map((d) => readSeedText(d.file))
    .join("\n\n");
  const text = seeds.repeat(Math.ceil(length / seeds.length)).slice(0, length);
  const recognizer = builtinRecognizer(chunkChars ? { chunkChars } : {});
  const started = performance.now();
  const gaps: { at: number; wall: number; cpu: number }[] = [];
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    gaps.push({ at: now - started, wall: now - last, cpu: (cpu.user + cpu.system) / 1000 });
    last = now;
    lastCpu = process.cpuUsage();
  }, 10);
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const cpu = process.cpuUsage();
  const proposals = await recognizer.recognize({ text, labels: ENTITY_LABEL_SPECS, guidelines: "", registry: SEED_REGISTRY });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  histogram.disable();
  clearInterval(timer);
  const longest = (list: typeof gaps) => list.reduce((m, g) => (g.wall > m.wall ? g : m), { at: 0, wall: 0, cpu: 0 });
  const worst = longest(gaps);
  const steady = longest(gaps.filter((g) => g.at > 2000));
  console.log(
    [
      `${text.length.toLocaleString("en")} characters, pieces of ≤ ${chunkChars ?? DEFAULT_BUILTIN_OPTIONS.chunkChars} characters: ${proposals.length.toLocaleString("en")} proposals`,
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${cpus().length} CPUs`,
      `wall ${seconds.toFixed(1)} s, CPU ${((used.user + used.system) / 1e6).toFixed(1)} s (${Math.round(text.length / seconds).toLocaleString("en")} characters/s)`,
      `event loop: longest gap between 10-ms timer ticks ${worst.wall.toFixed(0)} ms wall (${worst.cpu.toFixed(0)} ms CPU) ${(worst.at / 1000).toFixed(1)} s in; ` +
        `after the first 2 s ${steady.wall.toFixed(0)} ms; ${gaps.filter((g) => g.wall > 50).length} of ${gaps.length} gaps over 50 ms`,
      `event loop delay p50 ${(histogram.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(histogram.percentile(99) / 1e6).toFixed(0)} ms, max ${(histogram.max / 1e6).toFixed(0)} ms`,
    ].join("\n"),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
