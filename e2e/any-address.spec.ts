/**
 * Saving works at whatever address the server is reached by, and a change the
 * server refuses is never shown as saved.
 *
 * The regression: the API compared the browser's Origin with the host Next.js
 * puts in req.url (the configured "localhost"), so at http://127.0.0.1:PORT
 * every write got 403 "Cross-origin request refused" while the page said
 * "All changes saved". Each test here fails under that bug.
 */
import { test, expect, chromium, type APIRequestContext, type Page } from "@playwright/test";
import { findChromium } from "../lib/ops/find-browser";
import { makeToken, makeUser, type TestUser } from "./support/factories";
import { dragSelect } from "./support/text";
import { signIn } from "./support/session";

const DOC_TITLE = "Iraq, Russia, Iran and Syria to share intelligence on Daesh";
const ALT_HOST = "marginalia.test";

type Ann = { id: string; start: number; end: number; label: string; text: string; version: number };

/** The configured base URL with another host name (same port). */
function withHost(baseURL: string | undefined, host: string): string {
  const url = new URL(baseURL ?? "http://localhost:3100");
  url.hostname = host;
  return url.origin;
}

/** The annotator's own layer on a document, read with their API token at the configured address (not the browser's). */
async function layerViaToken(request: APIRequestContext, token: string, documentId: string): Promise<Ann[]> {
  const res = await request.get(`/api/v1/documents/${documentId}/annotations`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Ann[] }).items;
}

async function openDocument(page: Page, origin: string): Promise<string> {
  await page.getByRole("link", { name: DOC_TITLE }).click();
  await expect(page.getByRole("heading", { name: DOC_TITLE })).toBeVisible();
  // Still on the address the user chose (no redirect to the configured host).
  expect(new URL(page.url()).origin).toBe(origin);
  const id = /\/documents\/([^/?#]+)/.exec(page.url())?.[1];
  expect(id).toBeTruthy();
  return id!;
}

/**
 * Signs in at `origin`, adds a PERSON span with the mouse and hotkey 1, waits
 * until the server acknowledged it, reloads, and checks it is still there —
 * in the page and through the API.
 */
async function saveAndReloadAt(page: Page, origin: string, user: TestUser, request: APIRequestContext) {
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  try {
    return await saveAndReloadSteps(page, origin, user, request);
  } finally {
    expect(pageErrors, "errors thrown in the page").toEqual([]);
  }
}

async function saveAndReloadSteps(page: Page, origin: string, user: TestUser, request: APIRequestContext) {
  await signIn(page, user);
  expect(new URL(page.url()).origin).toBe(origin);
  const documentId = await openDocument(page, origin);
  const list = page.getByTestId("annotation-list");
  const status = page.getByTestId("save-status");

  const write = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/api/v1/documents/${documentId}/annotations`));
  write.catch(() => {}); // awaited below; a failure before then must not surface as an unhandled rejection
  await dragSelect(page, "Sergey V. Lavrov");
  await expect(page.getByTestId("label-picker")).toContainText("Sergey V. Lavrov");
  await page.keyboard.press("1");
  // The server's answer gives the span a version: no longer listed or drawn as unsaved.
  await expect(list.getByRole("button", { name: /^PERSON\s+Sergey V\. Lavrov$/ })).toBeVisible();
  await expect(page.getByTitle("PERSON: Sergey V. Lavrov").first()).toBeVisible();
  await expect(page.locator(".doc-text .ann.unsaved")).toHaveCount(0);
  await expect(status).toHaveText(/All changes saved/);
  await expect(page.locator(".banner.error[role=alert]")).toHaveCount(0);
  // The browser sent its own Origin (this address) and the server accepted it.
  const written = await write;
  expect(written.status()).toBe(201);
  expect(await written.request().headerValue("origin")).toBe(origin);

  await page.reload();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("button", { name: /PERSON\s+Sergey V\. Lavrov/ })).toBeVisible();
  await expect(page.locator('.doc-text [data-label="PERSON"]')).toHaveText("Sergey V. Lavrov");
  await expect(page.locator(".doc-text .ann.unsaved")).toHaveCount(0);
  await expect(status).toHaveText(/All changes saved/);

  // The same session's API at this address, and the annotator's token at the configured address, see it stored.
  const own = await page.evaluate(async (id) => {
    const res = await fetch(`/api/v1/documents/${id}/annotations`);
    return { status: res.status, body: (await res.json()) as { items: { label: string; text: string }[] } };
  }, documentId);
  expect(own.status).toBe(200);
  expect(own.body.items.map((a) => `${a.label}:${a.text}`)).toEqual(["PERSON:Sergey V. Lavrov"]);
  const stored = await layerViaToken(request, makeToken(user.email), documentId);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ label: "PERSON", text: "Sergey V. Lavrov" });
  expect(stored[0].version).toBeGreaterThan(0);
  return documentId;
}

test("at http://127.0.0.1:PORT a span is saved, survives a reload and is in the database", async ({ browser, baseURL, request }) => {
  const origin = withHost(baseURL, "127.0.0.1");
  const annotator = makeUser("annotator");
  const context = await browser.newContext({ baseURL: origin });
  try {
    await saveAndReloadAt(await context.newPage(), origin, annotator, request);
  } finally {
    await context.close();
  }
});

/** A separate Chromium that resolves ALT_HOST to this machine, plus `args`. */
async function withAltHostBrowser(args: string[], run: (page: Page) => Promise<void>) {
  const browser = await chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: [`--host-resolver-rules=MAP ${ALT_HOST} 127.0.0.1`, ...args],
  });
  try {
    const context = await browser.newContext({ ...test.info().project.use, baseURL: withHost(test.info().project.use.baseURL, ALT_HOST) });
    const page = await context.newPage();
    try {
      await run(page);
    } catch (err) {
      // Not the fixture's browser: keep what the page showed for the report.
      await test.info().attach("page at failure", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
      throw err;
    } finally {
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

test.describe(`at a second host name (${ALT_HOST})`, () => {
  test("served over HTTPS or otherwise a secure context: a span is saved, survives a reload and is in the database", async ({ baseURL, request }) => {
    // Chromium treats http://marginalia.test:PORT as it would https://marginalia.test — the secure context a team
    // gets behind TLS. What this checks is the Origin / Host comparison at a name other than the configured one.
    const origin = withHost(baseURL, ALT_HOST);
    const annotator = makeUser("annotator");
    await withAltHostBrowser([`--unsafely-treat-insecure-origin-as-secure=${origin}`], async (page) => {
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false); // about:blank before the first visit
      await page.goto("/signin");
      expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
      await saveAndReloadAt(page, origin, annotator, request);
    });
  });

  test("over plain http: a span is saved, survives a reload and is in the database", async ({ baseURL, request }) => {
    // A LAN name over plain http is not a secure context: crypto.randomUUID does not exist there (span ids come from uuid).
    const origin = withHost(baseURL, ALT_HOST);
    const annotator = makeUser("annotator");
    await withAltHostBrowser([], async (page) => {
      await page.goto("/signin");
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
      await saveAndReloadAt(page, origin, annotator, request);
    });
  });
});

test("a change the server refuses is reported as not saved, never as saved, and the layer shows what the server holds", async ({ page, request }) => {
  const annotator = makeUser("annotator");
  await signIn(page, annotator);
  const documentId = await openDocument(page, new URL(page.url()).origin);
  const list = page.getByTestId("annotation-list");
  const status = page.getByTestId("save-status");
  await expect(status).toHaveText(/All changes saved/);

  // Every text the save state shows from here on.
  await page.evaluate(() => {
    const el = document.querySelector("[data-testid=save-status]")!;
    const log: string[] = [];
    (window as unknown as { __saveLog: string[] }).__saveLog = log;
    new MutationObserver(() => log.push(el.textContent ?? "")).observe(el, { subtree: true, childList: true, characterData: true });
  });

  // The span creation arrives at the server as if from another site. (Chromium ignores an Origin
  // given to route.continue(); route.fetch() sends the request with the headers as given, the
  // context's cookies included, and the browser gets the server's real answer.)
  const rewritten: string[] = [];
  await page.route("**/api/v1/documents/*/annotations?*", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const headers = { ...(await route.request().allHeaders()), origin: "http://evil.example" };
    rewritten.push(route.request().url());
    return route.fulfill({ response: await route.fetch({ headers }) });
  });
  const refusal = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/documents/${documentId}/annotations`));
  await dragSelect(page, "Sergey V. Lavrov");
  await page.keyboard.press("1");
  const refused = await refusal;
  expect(rewritten).toHaveLength(1);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: { code: "FORBIDDEN", message: "Cross-origin request refused" } });

  await expect(status).toContainText("✗ 1 change was not saved: Cross-origin request refused");
  await expect(status.getByRole("button", { name: "OK" })).toBeVisible();
  await expect(page.locator(".banner.error[role=alert]")).toContainText("A change was not saved: Cross-origin request refused");
  await page.screenshot({ path: "e2e/screenshots/save-refused.png" });
  // The layer was reloaded from the server: the optimistic span is gone.
  await expect(page.locator(".doc-text [data-ann-id]")).toHaveCount(0);
  await expect(list.getByRole("listitem")).toHaveCount(0);
  // Still refused, not "saved", once the page has settled.
  await page.waitForTimeout(500);
  await expect(status).not.toContainText("All changes saved");
  const shown = await page.evaluate(() => (window as unknown as { __saveLog: string[] }).__saveLog.slice());
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.filter((t) => t.includes("All changes saved"))).toEqual([]);
  expect(shown[shown.length - 1]).toContain("not saved");

  await status.getByRole("button", { name: "OK" }).click();
  await expect(status).toHaveText(/All changes saved/);
  await expect(page.locator(".banner.error[role=alert]")).toHaveCount(0);
  const token = makeToken(annotator.email);
  expect(await layerViaToken(request, token, documentId)).toEqual([]);

  // Without the rewrite the same change is saved: the refusal came from the Origin alone.
  await page.unroute("**/api/v1/documents/*/annotations?*");
  await dragSelect(page, "Baghdad");
  await page.keyboard.press("3");
  await expect(list.getByRole("button", { name: /^GPE\s+Baghdad$/ })).toBeVisible();
  await expect(status).toHaveText(/All changes saved/);
  await page.reload();
  await expect(list.getByRole("button", { name: /^GPE\s+Baghdad$/ })).toBeVisible();
  expect((await layerViaToken(request, token, documentId)).map((a) => `${a.label}:${a.text}`)).toEqual(["GPE:Baghdad"]);

  // Origin: null (sandboxed frames, some redirects) is a refusal with the API's error shape, not a server error —
  // with the signed-in session's cookies and without any.
  const body = { start: 0, end: 4, label: "GPE" };
  for (const client of [page.request, request]) {
    const res = await client.post(`/api/v1/documents/${documentId}/annotations`, { headers: { origin: "null" }, data: body });
    expect(res.status()).toBe(403);
    expect(res.headers()["content-type"]).toContain("application/json");
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe("FORBIDDEN");
    expect(json.error.message).toMatch(/Cross-origin request refused/);
  }
  // Nothing was written by those requests.
  expect(await layerViaToken(request, token, documentId)).toHaveLength(1);
});
