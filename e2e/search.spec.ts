import { test, expect } from "@playwright/test";
import { makeToken, makeUser } from "./support/factories";
import { signIn } from "./support/session";

const DOC_TITLE = "Iraq Cooperating With Russia, Iran, Syria On Security Issues";

test("search finds a seed name, marks it in the passage, and opens the document at it", async ({ page, request }) => {
  const annotator = makeUser("annotator");
  const token = makeToken(annotator.email);
  await signIn(page, annotator);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "Search", exact: true })).toBeVisible();
  const box = page.getByRole("searchbox", { name: /Search the corpus/ });
  // `/` brings the focus back to the box
  await page.getByRole("heading", { name: "Search", exact: true }).click();
  await expect(box).not.toBeFocused();
  await page.keyboard.press("/");
  await expect(box).toBeFocused();

  await box.fill("Abadi");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=Abadi/);
  const hit = page.getByTestId("search-hit").first();
  await expect(hit.locator("mark")).toHaveText("Abadi");
  await page.screenshot({ path: "e2e/screenshots/search-1360.png" });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: "e2e/screenshots/search-1024.png" });
  await page.setViewportSize({ width: 1360, height: 860 });
  const link = hit.getByRole("link");
  const href = (await link.getAttribute("href"))!;
  const [, documentId, start, end] = /^\/documents\/([^/?]+)\?at=(\d+)-(\d+)$/.exec(href)!;

  // the offsets are code points of the document text
  const doc = await request.get(`/api/v1/documents/${documentId}`, { headers: { authorization: `Bearer ${token}` } });
  const text = ((await doc.json()) as { text: string }).text;
  expect(Array.from(text).slice(Number(start), Number(end)).join("")).toBe("Abadi");

  await link.click();
  await expect(page).toHaveURL(new RegExp(`/documents/${documentId}\\?at=${start}-${end}$`));
  await expect(page.locator(".search-hit")).toBeVisible();
  await expect(page.locator(".search-hit")).toContainText("Abadi");
  await page.screenshot({ path: "e2e/screenshots/search-hit-in-document.png" });
});

test("a filter finds spans: the annotator's own PERSON spans holding a word, with their label", async ({ page, request }) => {
  const annotator = makeUser("annotator");
  const token = makeToken(annotator.email);
  const headers = { authorization: `Bearer ${token}` };
  const list = await request.get("/api/v1/documents?limit=100", { headers });
  const item = ((await list.json()).items as { id: string; title: string }[]).find((d) => d.title === DOC_TITLE)!;
  const text = ((await (await request.get(`/api/v1/documents/${item.id}`, { headers })).json()) as { text: string }).text;
  const u = text.indexOf("Barack Obama");
  const start = Array.from(text.slice(0, u)).length;
  const made = await request.post(`/api/v1/documents/${item.id}/annotations`, {
    headers,
    data: { start, end: start + 12, label: "PERSON", text: "Barack Obama" },
  });
  expect(made.status()).toBe(201);

  await signIn(page, annotator);
  await page.goto(`/search?q=${encodeURIComponent("obama label:PERSON layer:own")}`);
  const hits = page.getByTestId("search-hit");
  await expect(hits).toHaveCount(1);
  await expect(hits.first().locator("mark")).toHaveText("Barack Obama");
  await expect(hits.first().locator(".chip")).toHaveText("PERSON");
  await expect(hits.first()).toContainText(annotator.name);
  await expect(hits.first().getByRole("link")).toHaveAttribute("href", `/documents/${item.id}?at=${start}-${start + 12}`);

  // a query to rephrase is said on the page
  await page.goto(`/search?q=${encodeURIComponent("layer:mine")}`);
  await expect(page.getByTestId("search-error")).toHaveText("layer: is one of own, gold, suggestions");
});
