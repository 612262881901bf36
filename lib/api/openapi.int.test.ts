/**
 * The OpenAPI document (lib/api/operations.ts → GET /api/v1/openapi.json)
 * against what exists: every route handler under app/api/v1 is in it and
 * every operation in it has a handler; every curl example in the README's
 * REST API section calls an operation it lists.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { call } from "@/lib/testing/http";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { API_OPERATIONS, HTTP_METHODS } from "@/lib/api/operations";
import { OperationCard } from "@/components/api-docs/operation-card";
import * as openapi from "@/app/api/v1/openapi.json/route";

const V1 = "app/api/v1";
/** The catch-all that answers the API's JSON 404 for unknown paths: not an operation. */
const CATCH_ALL = `${V1}/[...path]/route.ts`;

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string }[] }>> };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? routeFiles(join(dir, d.name)) : d.name === "route.ts" ? [join(dir, d.name)] : [],
  );
}

/** app/api/v1/projects/[id]/members/[userId]/route.ts → /api/v1/projects/{id}/members/{userId} */
const openApiPath = (file: string) =>
  "/api/v1/" +
  relative(V1, file)
    .split(sep)
    .slice(0, -1)
    .map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))
    .join("/");

async function document(): Promise<Doc> {
  const res = await call(openapi.GET, { path: "/api/v1/openapi.json" }); // no credentials: public
  expect(res.status).toBe(200);
  return res.json as unknown as Doc;
}

const operationsOf = (doc: Doc) => Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

/** The README's "REST API v1" section, continuation lines joined. */
function readmeCurlLines(): string[] {
  const readme = readFileSync("README.md", "utf8");
  const start = readme.indexOf("## REST API v1");
  const end = readme.indexOf("\n## ", start + 1);
  expect(start, "README has a REST API v1 section").toBeGreaterThan(0);
  return readme
    .slice(start, end)
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("curl "));
}

/** Method and path of a curl line: -X wins, a body (-d, -F, --data-binary) means POST, else GET; the URL is the $API/… argument. */
function parseCurl(line: string): { method: string; path: string } {
  const method = /\s-X\s+([A-Z]+)/.exec(line)?.[1] ?? (/\s(-d|-F|--data-binary|--data)\s/.test(line) ? "POST" : "GET");
  const url = /"?\$API(\/[^\s"?]*)/.exec(line)?.[1];
  if (!url) throw new Error(`no $API URL in: ${line}`);
  return { method, path: `/api/v1${url}` };
}

/** Whether a concrete path (ids, slugs, placeholders) fits an OpenAPI path template. */
const fits = (template: string, path: string) => new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+")}$`).test(path);

describe(`OpenAPI document on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("is OpenAPI 3.1 with a unique operationId and the path parameters of each path", async () => {
    const doc = await document();
    expect(doc.openapi).toBe("3.1.0");
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const o of Object.values(ops)) expect(o.parameters?.filter((p) => p.in === "path").map((p) => p.name) ?? [], `${path}`).toEqual(names);
    }
  });

  it("lists every route handler under app/api/v1, and nothing else", async () => {
    const found: string[] = [];
    const files = routeFiles(V1).filter((f) => f !== CATCH_ALL);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const mod = (await import(/* @vite-ignore */ join(process.cwd(), file))) as Record<string, unknown>;
      const methods = Object.keys(mod).filter((k) => (HTTP_METHODS as readonly string[]).includes(k) || k === "HEAD" || k === "OPTIONS");
      expect(methods.length, `${file} exports no handler`).toBeGreaterThan(0);
      for (const method of methods) found.push(`${method} ${openApiPath(file)}`);
    }
    const listed = operationsOf(await document());
    expect(
      found.filter((f) => !listed.includes(f)),
      "handlers missing from lib/api/operations.ts",
    ).toEqual([]);
    expect(
      listed.filter((l) => !found.includes(l)),
      "operations with no handler",
    ).toEqual([]);
  });

  it("has an operation for every curl example in the README's REST API v1 section", async () => {
    const doc = await document();
    const lines = readmeCurlLines();
    expect(lines.length).toBeGreaterThan(45);
    const missing = lines
      .map((line) => ({ line, ...parseCurl(line) }))
      .filter(({ method, path }) => !Object.entries(doc.paths).some(([template, ops]) => fits(template, path) && method.toLowerCase() in ops));
    expect(
      missing.map((m) => `${m.method} ${m.path}`),
      "README curl examples with no operation",
    ).toEqual([]);
  });

  it("renders every operation on the reference page with its parameters and body fields", () => {
    for (const op of API_OPERATIONS) {
      const html = renderToStaticMarkup(createElement(OperationCard, { op }));
      expect(html).toContain(`${op.method} ${op.path}`);
      for (const name of [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) expect(html, `${op.method} ${op.path}`).toContain(`<code>${name}</code>`);
    }
    const patchUser = renderToStaticMarkup(
      createElement(OperationCard, { op: API_OPERATIONS.find((o) => o.method === "PATCH" && o.path === "/api/v1/users/{id}")! }),
    );
    expect(patchUser).toContain("<code>role</code>");
    expect(patchUser).toContain("<code>active</code>");
    expect(patchUser).toContain("no other fields");
    const addMember = renderToStaticMarkup(
      createElement(OperationCard, { op: API_OPERATIONS.find((o) => o.method === "POST" && o.path === "/api/v1/projects/{id}/members")! }),
    );
    expect(addMember).toContain("one of 2 shapes");
    const listProjects = renderToStaticMarkup(
      createElement(OperationCard, { op: API_OPERATIONS.find((o) => o.method === "GET" && o.path === "/api/v1/projects")! }),
    );
    expect(listProjects).toMatch(/<code>limit<\/code>.*default 50/);
  });

  it("parses curl lines as a reader would", () => {
    expect(parseCurl(`curl -s -H "Authorization: Bearer $TOKEN" "$API/review/queue?state=waiting"`)).toEqual({ method: "GET", path: "/api/v1/review/queue" });
    expect(parseCurl(`curl -s -H 'Content-Type: application/json' -d '{"a":1}' $API/projects/P/labels`)).toEqual({
      method: "POST",
      path: "/api/v1/projects/P/labels",
    });
    expect(parseCurl(`curl -s -X DELETE -H "x" "$API/annotations/A?version=2"`)).toEqual({ method: "DELETE", path: "/api/v1/annotations/A" });
    expect(fits("/api/v1/projects/{id}/members/{userId}", "/api/v1/projects/iraq/members/USER_ID")).toBe(true);
    expect(fits("/api/v1/projects/{id}", "/api/v1/projects/iraq/members")).toBe(false);
  });
});
