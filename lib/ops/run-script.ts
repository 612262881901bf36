/**
 * How every script of ours ends: print an error plainly, then exit with the
 * code once stdout is flushed (an open PostgreSQL pool would otherwise keep
 * the process alive).
 */
import { spawn, spawnSync } from "node:child_process";
import { resolve } from "node:path";

export function runScript(main: () => Promise<number | void>, opts: { label?: string } = {}) {
  main()
    .then(
      (code) => code ?? 0,
      (err: Error) => {
        console.error(`${opts.label ? `${opts.label}: ` : ""}${err.message}`);
        return 1;
      },
    )
    .then((code) => process.stdout.write("", () => process.exit(code)));
}

/** `next build`; throws when it fails. */
export function buildNext() {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
}

/**
 * `next start` on a port, forwarding Ctrl+C and termination, resolving with its
 * exit code. Preloads lib/ops/client-address.cjs, which gives route handlers
 * the TCP peer's address (per-address sign-in limits).
 */
export function serveNext(port: string): Promise<number> {
  const preload = `--require ${JSON.stringify(resolve("lib/ops/client-address.cjs"))}`;
  const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS ?? "", preload].join(" ").trim() };
  const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  return new Promise((resolve) => server.on("exit", (code) => resolve(code ?? 0)));
}
