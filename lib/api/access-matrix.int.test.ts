/**
 * Walks the access matrix (lib/testing/access-matrix.ts): every route handler
 * and server action against every role, asserting the status and, where the
 * call was refused, that the database did not change. Also checks that the
 * matrix lists every handler and action there is, and that the README shows it.
 */
import { clearFailures } from "@/lib/auth/attempt-limits";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { loadActiveActor } from "@/lib/auth/actor";
import {
  ACCESS_MATRIX,
  ROLES,
  routeStatus,
  type ActionEntry,
  type MatrixRequest,
  type MatrixRole,
  type RouteEntry,
  type SignedInRole,
} from "@/lib/testing/access-matrix";
import { buildFixture, makeKit, type Fixture, type MatrixKit } from "@/lib/testing/access-matrix-kit";
import { renderAccessMatrix, withAccessMatrix } from "@/lib/testing/access-matrix-table";
import { changedTables, snapshotDatabase } from "@/lib/testing/db-snapshot";

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const routes = ACCESS_MATRIX.filter((e): e is RouteEntry => e.kind === "route");
const actions = ACCESS_MATRIX.filter((e): e is ActionEntry => e.kind === "action");

function files(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name), name) : d.name === name ? [join(dir, d.name)] : [],
  );
}

let fx: Fixture;
let kit: MatrixKit;

beforeAll(async () => {
  fx = await buildFixture();
  kit = makeKit(fx);
}, 60_000);

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function send(entry: RouteEntry, role: MatrixRole, r: MatrixRequest) {
  const mod = await entry.load();
  const handler = mod[entry.method] as Handler;
  const headers: Record<string, string> = {};
  if (role !== "anonymous") headers.authorization = `Bearer ${fx.tokens[role]}`;
  let body: string | undefined;
  if (r.raw) [body, headers["content-type"]] = [r.raw.body, r.raw.contentType];
  else if (r.body !== undefined) [body, headers["content-type"]] = [JSON.stringify(r.body), "application/json"];
  const abort = new AbortController();
  const init = { method: entry.method, headers, body, signal: abort.signal };
  const url = `http://localhost${r.url}`;
  const req = r.nextRequest ? new NextRequest(url, init) : new Request(url, init);
  const res = await handler(req, { params: Promise.resolve(r.params ?? {}) });
  // A live stream never ends by itself: close it as a client that goes away.
  if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
    await res.body?.cancel();
    abort.abort();
    return { status: res.status, text: "" };
  }
  return { status: res.status, text: await res.text() };
}

describe(`access matrix on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("lists every route handler under app/api", async () => {
    const listed = new Set(routes.map((e) => `${e.method} ${e.file}`));
    const found: string[] = [];
    for (const file of files("app/api", "route.ts")) {
      const mod = (await import(/* @vite-ignore */ join(process.cwd(), file))) as Record<string, unknown>;
      for (const method of Object.keys(mod).filter((k) => HTTP_METHODS.includes(k))) found.push(`${method} ${file}`);
    }
    expect(
      found.filter((f) => !listed.has(f)),
      "handlers missing from the matrix",
    ).toEqual([]);
    expect(
      [...listed].filter((f) => !found.includes(f)),
      "matrix rows with no handler",
    ).toEqual([]);
    expect(files("app/api", "route.ts")).toHaveLength(77);
    expect(found.filter((f) => f.includes("app/api/v1/"))).toHaveLength(105); // and Auth.js's GET and POST
    expect(found).toHaveLength(107);
  });

  it("lists every server action, and each one is made by formAction, which starts by asking for the signed-in user", () => {
    for (const file of files("app", "actions.ts")) {
      const source = readFileSync(file, "utf8");
      for (const [, fnName, constName, maker] of source.matchAll(/export (?:async function (\w+)\(|const (\w+) = (\w+)[<(])/g)) {
        const name = fnName ?? constName;
        expect(
          actions.some((a) => a.file === file && a.action === name),
          `${file} ${name} is not in the matrix`,
        ).toBe(true);
        // formAction runs requirePageActor first: no session or a deactivated user → /signin, before anything else runs
        if (name !== "signInAction") expect(maker, `${file} ${name} must be made by formAction`).toBe("formAction");
      }
    }
    for (const a of actions)
      expect(readFileSync(a.file, "utf8"), a.file).toMatch(new RegExp(`export (async function ${a.action}\\(|const ${a.action} = formAction)`));
  });

  for (const entry of routes) {
    it(`${entry.method} ${entry.path}`, async () => {
      for (const role of ROLES) {
        // The matrix is about who may do what; the failure limits (lib/auth/attempt-limits.ts) have their own tests,
        // so the revoked and deactivated tokens start every cell with a clean count.
        for (const userId of [fx.users.annotator, fx.users.deactivated]) await clearFailures("tokenAccount", userId);
        const request = await entry.build(kit, role);
        const before = await snapshotDatabase(fx.since);
        const res = await send(entry, role, request);
        const after = await snapshotDatabase(fx.since);
        const cell = `${entry.method} ${entry.path} as ${role}`;
        expect.soft(res.status, `${cell}: ${res.text.slice(0, 300)}`).toBe(routeStatus(entry, role));
        if (res.status >= 400 || entry.method === "GET") {
          expect.soft(changedTables(before, after), `${cell} answered ${res.status} but changed`).toEqual([]);
        } else if (!entry.mayNotChange && res.status < 300) {
          expect.soft(changedTables(before, after).length, `${cell} answered ${res.status} and changed nothing`).toBeGreaterThan(0);
        }
        if (res.status >= 400) expect.soft(JSON.parse(res.text).error?.code, `${cell}: error body`).toBeTruthy();
      }
    });
  }

  for (const entry of actions.filter((a) => a.run && a.expect)) {
    it(`${entry.action}${entry.intent ? ` (${entry.intent})` : ""} → ${entry.operation}`, async () => {
      for (const role of Object.keys(entry.expect!) as SignedInRole[]) {
        const actor = await loadActiveActor(fx.users[role]);
        expect(actor, role).not.toBeNull();
        const call = await entry.run!(kit);
        const before = await snapshotDatabase(fx.since);
        let status = 200;
        try {
          await call(actor!);
        } catch (err) {
          if (err instanceof AppError) status = err.status;
          else if (err instanceof ZodError) status = 400;
          else throw err;
        }
        const after = await snapshotDatabase(fx.since);
        const cell = `${entry.action} ${entry.intent ?? ""} as ${role}`;
        expect.soft(status, cell).toBe(entry.expect![role]);
        if (status >= 400) expect.soft(changedTables(before, after), `${cell} refused (${status}) but changed`).toEqual([]);
        else if (!entry.mayNotChange) expect.soft(changedTables(before, after).length, `${cell} succeeded and changed nothing`).toBeGreaterThan(0);
      }
      // The gate every action passes first: a deactivated user has no actor, so requirePageActor redirects to /signin.
      expect(await loadActiveActor(fx.users.deactivated)).toBeNull();
    });
  }

  it("is the table in the README", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(withAccessMatrix(readme, renderAccessMatrix()), "run npm run docs:access-matrix").toBe(readme);
  });
});
