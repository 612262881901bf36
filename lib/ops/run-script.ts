/**
 * How every script of ours ends: print an error plainly, then exit with the
 * code once stdout is flushed (an open PostgreSQL pool would otherwise keep
 * the process alive).
 */
import { spawn, spawnSync } from "node:child_process";

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

/** `next start` on a port, forwarding Ctrl+C and termination, resolving with its exit code. */
export function serveNext(port: string): Promise<number> {
  const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env: process.env });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  return new Promise((resolve) => server.on("exit", (code) => resolve(code ?? 0)));
}
