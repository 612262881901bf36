/**
 * The bench's server: the production build (`next build`, then `next start`)
 * on a fresh SQLite database in a temporary directory, loopback only, with
 * the event loop watched from inside the server process by a preload
 * (lib/bench/loop-monitor.cjs, given through NODE_OPTIONS; no product code).
 *
 * Setup that is not what is measured uses the domain functions, as the e2e
 * server does (migrate, seed corpus and entity registry, users, API tokens);
 * every document and span of the workload goes through the HTTP API.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { buildNext } from "@/lib/ops/run-script";

export type BenchUser = { email: string; name: string; password: string; role: "ADMIN" | "REVIEWER" | "ANNOTATOR"; token: string };
export type BenchUsers = { admin: BenchUser; annotators: [BenchUser, BenchUser, BenchUser]; reviewer: BenchUser };

/** A temporary directory for the database and the server log; removed by `remove()`. */
export function tempWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), "marginalia-bench-"));
  return {
    dir,
    databaseUrl: `file:${join(dir, "bench.db")}`,
    log: join(dir, "server.log"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Migrates the fresh database and fills it: the seed project with its
 * corpus and entity registry, an admin, three annotators and a reviewer
 * (members of the seed project), each with an API token. Must run before the
 * server starts and with DATABASE_URL already pointing at the database.
 */
export async function prepareDatabase(databaseUrl: string): Promise<{ users: BenchUsers; projectSlug: string }> {
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(databaseUrl);
  const { createUser } = await import("@/lib/users/create-user");
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  const { seedCorpus } = await import("@/lib/seed/seed-corpus");
  const { seedEntities } = await import("@/lib/seed/seed-entities");
  const make = async (email: string, name: string, role: BenchUser["role"]): Promise<BenchUser> => {
    const password = randomBytes(12).toString("base64url");
    const user = await createUser({ email, name, role, password });
    const { token } = await createApiToken({ userId: user.id, name: "bench" });
    return { email, name, password, role, token };
  };
  const admin = await make("bench-admin@bench.local", "Bench Admin", "ADMIN");
  const { db } = await import("@/lib/db");
  const adminRow = await db.user.findUniqueOrThrow({ where: { email: admin.email } });
  const actor = { id: adminRow.id, email: adminRow.email, name: adminRow.name, role: "ADMIN" as const };
  const corpus = await seedCorpus({ actor });
  await seedEntities({ actor, projectId: corpus.project.id });
  // created after the project exists, so they are its members
  const annotators: BenchUsers["annotators"] = [
    await make("bench-ana@bench.local", "Ana Bench", "ANNOTATOR"),
    await make("bench-bo@bench.local", "Bo Bench", "ANNOTATOR"),
    await make("bench-cy@bench.local", "Cy Bench", "ANNOTATOR"),
  ];
  const reviewer = await make("bench-rui@bench.local", "Rui Bench", "REVIEWER");
  await db.$disconnect();
  return { users: { admin, annotators, reviewer }, projectSlug: corpus.project.slug };
}

/** The server's event loop, as the preload reports it. */
export class LoopMonitor {
  constructor(readonly port: number) {}
  private async get(path: string) {
    const res = await fetch(`http://127.0.0.1:${this.port}${path}`);
    return (await res.json()) as { pid: number; stallMs: number; maxMs: number; count: number; resolutionMs: number };
  }
  reset() {
    return this.get("/reset");
  }
  /** the longest stall since the last reset, after one more sampling interval has passed */
  async read() {
    await new Promise((r) => setTimeout(r, 15));
    return this.get("/read");
  }
}

export type BenchServer = {
  origin: string;
  port: number;
  loop: LoopMonitor;
  pid: number;
  stop: () => Promise<void>;
  /** SIGKILL, no shutdown (crash tests) */
  kill: () => Promise<void>;
  logTail: () => string;
};

/** `next build` unless skipped (BENCH_SKIP_BUILD=1 with a build present). */
export function ensureBuild(skip: boolean) {
  if (skip && existsSync(".next/BUILD_ID")) {
    console.log("bench: using the existing production build (.next), BENCH_SKIP_BUILD=1");
    return;
  }
  console.log("bench: next build …");
  buildNext();
}

/**
 * `next start` on 127.0.0.1:port with the loop monitor preloaded on
 * loopPort; resolves once /signin answers. The process is started without
 * npx, so the preload runs in the server process and nowhere else.
 */
export async function startServer(opts: {
  port: number;
  loopPort: number;
  databaseUrl: string;
  authSecret: string;
  log: string;
  nodeArgs?: string[];
}): Promise<BenchServer> {
  const preload = resolve("lib/bench/loop-monitor.cjs");
  const nextBin = resolve("node_modules/next/dist/bin/next");
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: opts.databaseUrl,
    AUTH_SECRET: opts.authSecret,
    NEXT_TELEMETRY_DISABLED: "1",
    BENCH_LOOP_PORT: String(opts.loopPort),
    NODE_OPTIONS: [process.env.NODE_OPTIONS ?? "", `--require ${JSON.stringify(preload)}`].join(" ").trim(),
  };
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server
  const nodeArgs = [...(process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean), ...(opts.nodeArgs ?? [])];
  const out = createWriteStream(opts.log, { flags: "a" });
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, nextBin, "start", "-p", String(opts.port), "-H", "127.0.0.1"], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  let exited: number | null = null;
  const gone = new Promise<void>((r) => child.on("exit", (code) => ((exited = code ?? 0), r())));
  const logTail = () => (existsSync(opts.log) ? readFileSync(opts.log, "utf8").split("\n").slice(-30).join("\n") : "");
  const stop = async () => {
    if (exited !== null || !child.pid) return;
    try {
      process.kill(-child.pid, "SIGTERM"); // its own process group: the server and nothing else
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 5000);
    await gone;
    clearTimeout(timer);
    out.end();
  };
  const kill = async () => {
    if (exited !== null || !child.pid) return;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* gone */
    }
    await gone;
    out.end();
  };
  const origin = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`next start exited (${exited}):\n${logTail()}`);
    try {
      const res = await fetch(`${origin}/signin`, { redirect: "manual" });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 60 s:\n${logTail()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const loop = new LoopMonitor(opts.loopPort);
  const who = await loop.reset();
  if (who.pid !== child.pid) {
    await stop();
    throw new Error(`the loop monitor answers from pid ${who.pid}, not the server (${child.pid})`);
  }
  return { origin, port: opts.port, loop, pid: child.pid!, stop, kill, logTail };
}

/** A JSON call to the product's API with a bearer token; throws on a non-2xx answer. */
export async function api<T>(
  server: BenchServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const raw = typeof body === "string";
  const res = await fetch(server.origin + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && !raw ? { "content-type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : raw ? (body as string) : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : null) as T;
}

export type ServerTiming = { ttfbMs: number; totalMs: number; bytes: number; stallMs: number };

/**
 * One GET of a page as a signed-in browser would make it (session cookie),
 * timed from the request to the first byte of the body and to the last,
 * with the server's longest event-loop stall meanwhile.
 */
export async function timePage(server: BenchServer, path: string, cookie: string): Promise<ServerTiming> {
  await server.loop.reset();
  const t0 = performance.now();
  const res = await fetch(server.origin + path, { headers: { cookie, accept: "text/html" }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`GET ${path} → ${res.status} ${res.headers.get("location") ?? ""}`);
  const reader = res.body!.getReader();
  let ttfb = -1;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (ttfb < 0) ttfb = performance.now() - t0;
    bytes += value.byteLength;
  }
  const totalMs = performance.now() - t0;
  const { stallMs } = await server.loop.read();
  return { ttfbMs: ttfb < 0 ? totalMs : ttfb, totalMs, bytes, stallMs };
}
