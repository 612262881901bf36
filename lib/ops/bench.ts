/**
 * `npm run bench`: the document view's cost in Chromium, as ratios against a
 * plain TipTap editor measured in the same run (these machines are noisy, so
 * absolute times are reported but never asserted). Writes BENCHMARKS.md.
 *
 * Target (PRODUCT.md): a 50,000-word document with 5,000 annotations loads
 * within 1.5x the plain editor, and a new span is drawn within 16 ms.
 */
import { writeFileSync, readFileSync } from "node:fs";
import { build } from "esbuild";
import { chromium } from "@playwright/test";
import { findChromium, INSTALL_HINT } from "./find-browser";
import { runScript } from "./run-script";
import { benchCorpus } from "@/lib/bench/corpus";

type BenchResult = { plainMs: number; annotatedMs: number; addSpanMs: number; scrollMs: number; everythingMs: number; drawnAtOpen: number; runs: number };

const WORDS = 50_000;
const SPANS = 5_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const bundle = await build({
    entryPoints: ["lib/bench/editor-bench-entry.ts"],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    minify: true,
    logLevel: "error",
  });
  const corpus = benchCorpus({ words: WORDS, spans: SPANS });
  const browser = await chromium.launch({ executablePath });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.setContent(`<!doctype html><html><head><style>${readFileSync("app/globals.css", "utf8")}</style></head><body></body></html>`);
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const result = await page.evaluate(
      (input) => (window as unknown as { runBench: (i: typeof input) => BenchResult }).runBench(input),
      { text: corpus.text, spans: corpus.spans, runs: RUNS },
    );
    const ratio = result.annotatedMs / result.plainMs;
    const lines = [
      "# Benchmarks",
      "",
      "Written by `npm run bench` (lib/ops/bench.ts) in Debian's Chromium. Times are medians of " + result.runs + " runs on this machine and",
      "are noisy; the ratio is what to compare, measured against a plain TipTap editor in the same run. The workbench draws",
      "annotations within a screen of the viewport (components/workbench/viewport.ts) and redraws on scroll; the bench does the same.",
      "",
      `Document: ${corpus.words.toLocaleString("en")} words of the seed articles' vocabulary, ${corpus.spans.length.toLocaleString("en")} annotations (about one in ten nested).`,
      "",
      "| measure | value | target |",
      "| --- | --- | --- |",
      `| plain TipTap, load to first layout | ${result.plainMs.toFixed(0)} ms | baseline |`,
      `| with the annotation layer, load to first layout (${result.drawnAtOpen} spans near the viewport drawn) | ${result.annotatedMs.toFixed(0)} ms | |`,
      `| **ratio annotated / plain** | **${ratio.toFixed(2)}x** | ≤ 1.5x ${ratio <= 1.5 ? "(met)" : "(NOT met)"} |`,
      `| one new span drawn | ${result.addSpanMs.toFixed(1)} ms | ≤ 16 ms ${result.addSpanMs <= 16 ? "(met)" : "(NOT met)"} |`,
      `| redraw after scrolling to the middle | ${result.scrollMs.toFixed(1)} ms | |`,
      `| for comparison: all ${SPANS.toLocaleString("en")} spans drawn at once | ${result.everythingMs.toFixed(0)} ms (${(result.everythingMs / result.plainMs).toFixed(2)}x) | |`,
      "",
      "Not in these figures: the workbench's React work before drawing (sorting and stacking every span of the layer,",
      "O(n log n)), which runs on each change of the layer.",
      "",
      `Measured ${new Date().toISOString().slice(0, 10)}.`,
      "",
    ];
    writeFileSync("BENCHMARKS.md", lines.join("\n"));
    console.log(lines.join("\n"));
  } finally {
    await browser.close();
  }
}

runScript(main, { label: "bench failed" });
