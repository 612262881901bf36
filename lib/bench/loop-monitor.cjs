/**
 * Preloaded into `next start` by `npm run bench` (NODE_OPTIONS="--require
 * <this file>"), never by the product: watches the server's event loop with
 * perf_hooks.monitorEventLoopDelay and answers on its own loopback port
 * (BENCH_LOOP_PORT):
 *   GET /read   → {pid, stallMs, maxMs, minMs, p99Ms, count} since the last reset
 * The histogram records the whole interval between two samples (at least the
 * resolution), so the longest stall is its max less the resolution.
 *   GET /reset  → the same, then starts over
 * Only the process that serves HTTP matters; if NODE_OPTIONS reaches another
 * node process first and the port is taken, this one stays silent.
 */
"use strict";
const port = Number(process.env.BENCH_LOOP_PORT || 0);
if (port && !globalThis.__marginaliaBenchLoop) {
  globalThis.__marginaliaBenchLoop = true;
  const { monitorEventLoopDelay } = require("node:perf_hooks");
  const http = require("node:http");
  const resolution = Number(process.env.BENCH_LOOP_RESOLUTION_MS || 5);
  const histogram = monitorEventLoopDelay({ resolution });
  histogram.enable();
  const ms = (ns) => (Number.isFinite(ns) ? Math.round(ns / 1e4) / 100 : 0);
  const server = http.createServer((req, res) => {
    const body = {
      pid: process.pid,
      resolutionMs: resolution,
      stallMs: histogram.count ? Math.max(0, ms(histogram.max) - resolution) : 0,
      maxMs: histogram.count ? ms(histogram.max) : 0,
      minMs: histogram.count ? ms(histogram.min) : 0,
      p99Ms: histogram.count ? ms(histogram.percentile(99)) : 0,
      count: histogram.count,
    };
    if ((req.url || "").startsWith("/reset")) histogram.reset();
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  });
  server.on("error", () => server.close());
  server.listen(port, "127.0.0.1");
  server.unref();
}
