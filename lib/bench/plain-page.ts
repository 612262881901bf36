/**
 * The baseline page: plain TipTap (lib/bench/plain-tiptap-entry.ts, bundled
 * with esbuild) showing the same text, served by the bench itself on its own
 * loopback port with the app's stylesheet and the workbench's column, so the
 * browser lays out the same lines. Also bundles the in-page probe.
 */
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { build } from "esbuild";

/** Bundles a browser entry of lib/bench into one minified script (production React/TipTap builds). */
export async function bundleBrowser(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    define: { "process.env.NODE_ENV": '"production"' },
    minify: true,
    logLevel: "error",
  });
  return out.outputFiles[0].text;
}

const page = (title: string, text: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/globals.css"></head>
<body>
<div class="workbench" style="height:100vh">
  <section class="doc-pane"><div class="doc-surface" tabindex="0" data-testid="plain-surface"><div id="editor"></div></div></section>
  <aside class="side-pane"></aside>
</div>
<script id="bench-text" type="application/json">${JSON.stringify(text).replace(/</g, "\\u003c")}</script>
<script src="/plain.js"></script>
</body></html>`;

export type PlainServer = { origin: string; url: (name: string) => string; add: (name: string, text: string) => void; close: () => Promise<void> };

/** Serves /plain/<name> for each text, /plain.js and /globals.css on 127.0.0.1:port. */
export async function startPlainServer(port: number, texts: Record<string, string>): Promise<PlainServer> {
  const script = await bundleBrowser("lib/bench/plain-tiptap-entry.ts");
  const css = readFileSync("app/globals.css", "utf8");
  const html = new Map(Object.entries(texts).map(([name, text]) => [name, Buffer.from(page(name, text))]));
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const send = (type: string, body: string | Buffer) => {
      res.writeHead(200, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    if (path === "/plain.js") return send("text/javascript; charset=utf-8", script);
    if (path === "/globals.css") return send("text/css; charset=utf-8", css);
    const doc = path.startsWith("/plain/") ? html.get(decodeURIComponent(path.slice("/plain/".length))) : undefined;
    if (doc) return send("text/html; charset=utf-8", doc);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (name) => `${origin}/plain/${encodeURIComponent(name)}`,
    add: (name, text) => void html.set(name, Buffer.from(page(name, text))),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
