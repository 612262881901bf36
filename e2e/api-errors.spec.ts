/**
 * The API answers in its own JSON error shape on the real server, whatever
 * the path: unknown /api/v1 paths are a JSON 404, not the app's HTML page.
 */
import { expect, test } from "@playwright/test";

test("unknown /api/v1 paths answer the API's JSON 404 for every method", async ({ request }) => {
  for (const [method, path] of [
    ["GET", "/api/v1/no-such-thing"],
    ["POST", "/api/v1/documents/x/no-such-action"],
    ["DELETE", "/api/v1/a/b/c"],
  ] as const) {
    const res = await request.fetch(path, { method, headers: { "content-type": "application/json" }, data: method === "GET" ? undefined : {} });
    expect(res.status(), `${method} ${path}`).toBe(404);
    expect(res.headers()["content-type"]).toContain("application/json");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("NOT_FOUND");
    expect(body.error.message).toContain(path);
  }
  // a real route still answers as itself
  const known = await request.get("/api/v1/documents");
  expect(known.status()).toBe(401);
  expect(((await known.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
});
