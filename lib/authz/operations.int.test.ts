/**
 * The domain operation is the trust boundary: every exported operation that
 * takes an acting user is called with each role's real actor (the users of
 * the access matrix's fixture, loaded from the database), and must refuse by
 * itself what it should, changing nothing when it does. The table is
 * lib/testing/operations-table.ts; this file also finds the operations in the
 * source, so that a new one without a row fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { loadActiveActor, type Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain/enums";
import type { SignedInRole } from "@/lib/testing/access-matrix";
import { buildFixture, makeKit, type Fixture, type MatrixKit } from "@/lib/testing/access-matrix-kit";
import { changedTables, snapshotDatabase } from "@/lib/testing/db-snapshot";
import { OPERATIONS, type OperationRow, type Outcome } from "@/lib/testing/operations-table";

/** Not the domain: test support, tools, scripts and generated code. */
const NOT_DOMAIN = /^lib\/(testing|bench|loadtest|ops|cli|seed|generated)\//;
const ROLES = ["annotator", "otherAnnotator", "outsider", "reviewer", "admin"] as const satisfies readonly SignedInRole[];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

// `export async function name(opts: { …`, `export async function* name(opts: Query)`, `export const name = async ({ actor }: { …`:
// the first parameter (a name or a destructuring), up to the start of its type (an object type, or the name of one).
const EXPORTED_FUNCTION = /export\s+(?:async\s+)?function\s*\*?\s*(\w+)\s*(?:<[^>]*>)?\s*\(\s*(?:\w+|\{[^}]*\})\s*\??:\s*(\{|\w+)/g;
const EXPORTED_ARROW = /export\s+const\s+(\w+)\s*=\s*(?:async\s*)?\(\s*(?:\w+|\{[^}]*\})\s*\??:\s*(\{|\w+)/g;

/** Whether the object type whose `{` is at `open` has an `actor` member of its own (not one of a nested type). */
function objectTypeHasActor(source: string, open: number): boolean {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "{" || c === "(" || c === "<" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === ">" || c === "]") {
      if (c === ">" && source[i - 1] === "=") continue; // an arrow, not a bracket
      if (--depth === 0) return false;
    } else if (depth === 1 && /[{;,\s]/.test(source[i - 1]) && /^actor\s*\??:/.test(source.slice(i, i + 12))) return true;
  }
  return false;
}

/** `module#name` of every exported function in lib/ whose first parameter is an object with an `actor`. */
function discoverOperations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles("lib").filter((f) => !NOT_DOMAIN.test(f))) {
    const source = readFileSync(file, "utf8");
    const namedTypeHasActor = (name: string) => {
      const m = new RegExp(`(?:type\\s+${name}\\s*=|interface\\s+${name})\\s*\\{`).exec(source);
      return m !== null && objectTypeHasActor(source, m.index + m[0].length - 1);
    };
    for (const pattern of [EXPORTED_FUNCTION, EXPORTED_ARROW]) {
      for (const m of source.matchAll(pattern)) {
        const [whole, name, type] = m;
        const hasActor = type === "{" ? objectTypeHasActor(source, m.index + whole.length - 1) : namedTypeHasActor(type);
        if (hasActor) found.push(`${file}#${name}`);
      }
    }
  }
  return found.sort();
}

let fx: Fixture;
let kit: MatrixKit;
const actors = {} as Record<(typeof ROLES)[number], Actor>;

beforeAll(async () => {
  fx = await buildFixture();
  kit = makeKit(fx);
  for (const role of ROLES) {
    const actor = await loadActiveActor(fx.users[role]);
    if (!actor) throw new Error(`the fixture's ${role} is not an active user`);
    actors[role] = actor;
  }
}, 60_000);

/** What a call came to: "allowed", or the code of the error it threw. */
async function outcomeOf(row: OperationRow, actor: Actor, item: unknown): Promise<Outcome | string> {
  try {
    await row.call(kit, actor, item);
    return "allowed";
  } catch (err) {
    if (err instanceof AppError) return err.code;
    if (err instanceof ZodError) return `INVALID_INPUT ${err.message}`;
    throw err;
  }
}

/**
 * One cell: the call's outcome, and for a refusal, that the database is as it was (snapshots take most of the
 * time, so they are taken only then). Answers whether the call went through, which may have used up its item.
 */
async function callAndCompare(row: OperationRow, actor: Actor, item: unknown, expected: Outcome, cell: string) {
  const before = expected === "allowed" ? null : await snapshotDatabase(fx.since);
  const outcome = await outcomeOf(row, actor, item);
  expect.soft(outcome, cell).toBe(expected);
  if (before) expect.soft(changedTables(before, await snapshotDatabase(fx.since)), `${cell} refused (${outcome}) but changed`).toEqual([]);
  return outcome === "allowed";
}

describe(`domain operations authorize their actor, on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("has a row for every exported operation that takes an actor, and each row names one", () => {
    const discovered = discoverOperations();
    const listed = OPERATIONS.map((r) => `${r.module}#${r.name}`).sort();
    expect(
      discovered.filter((d) => !listed.includes(d)),
      "operations without a row in lib/testing/operations-table.ts",
    ).toEqual([]);
    expect(
      listed.filter((l) => !discovered.includes(l)),
      "rows that name no exported operation taking an actor",
    ).toEqual([]);
    expect(new Set(listed).size, "one row per operation").toBe(listed.length);
    // the discovery itself finds what it should: a plain signature, a named query type, a generator
    expect(discovered).toEqual(
      expect.arrayContaining([
        "lib/annotations/create-annotation.ts#createAnnotation",
        "lib/annotations/list-annotations.ts#listLayerAnnotations",
        "lib/export/stream-export.ts#exportRecords",
        "lib/import/run-import.ts#runImport",
      ]),
    );
    expect(discovered.length).toBeGreaterThanOrEqual(96);
    expect(objectTypeHasActor("{ projectId: string; actor?: Actor }", 0), "an actor after other members").toBe(true);
    expect(objectTypeHasActor("{ actorId: string; run: (opts: { actor: Actor }) => void }", 0), "only members of its own").toBe(false);
  });

  it("names existing exports", async () => {
    for (const row of OPERATIONS) {
      const mod = (await import(/* @vite-ignore */ join(process.cwd(), row.module))) as Record<string, unknown>;
      expect(typeof mod[row.name], `${row.module} exports ${row.name}`).toBe("function");
    }
  });

  for (const row of OPERATIONS) {
    it(`${row.name} (${row.module})`, async () => {
      // a refused call changed nothing (asserted), so its item serves the next role; one that went through may have used it up
      let item: unknown;
      let used = true;
      for (const role of ROLES) {
        if (row.fresh && used) item = await row.fresh(kit);
        used = await callAndCompare(row, actors[role], item, row.expect[role], `${row.name} as ${role}`);
      }
    });
  }

  for (const row of OPERATIONS.filter((r) => r.permission)) {
    const title = `${row.name} refuses the owner holding a role without "${row.permission}" (403)`;
    it(title, async () => {
      // a role no permission lists: whatever the permission, authorize() must refuse it
      const roleless: Actor = { ...actors.annotator, role: "NO_PERMISSIONS" as Role };
      const item = row.fresh ? await row.fresh(kit) : undefined;
      await callAndCompare(row, roleless, item, "FORBIDDEN", `${row.name} as a role without ${row.permission}`);
    });
  }
});
