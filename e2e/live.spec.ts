import { test, expect, type APIRequestContext, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { makeUser, makeToken } from "./support/factories";
import { dragSelect } from "./support/text";
import { signIn } from "./support/session";

const DOC_TITLE = "Iraq plans to share security, intelligence";

async function openDocument(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: DOC_TITLE }).first().click();
  await expect(page.getByRole("heading", { name: DOC_TITLE })).toBeVisible();
}

/** A document of this test alone, so viewers left over from other tests cannot show up in its presence list. */
async function privateDocument(request: APIRequestContext): Promise<string> {
  const admin = makeUser("admin");
  const res = await request.post("/api/v1/documents", {
    headers: { authorization: `Bearer ${makeToken(admin.email)}` },
    data: { title: `Presence ${randomBytes(3).toString("hex")}`, text: "Lavrov met Kerry in Moscow." },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const people = (page: Page) => page.getByRole("list", { name: "People on this document" });
const span = (page: Page, label: string, text: string) => page.getByTestId("annotation-list").getByRole("button", { name: new RegExp(`${label}\\s+${text}`) });

async function relabel(page: Page, from: string, to: string) {
  await page.locator(`.doc-text [data-label="${from}"]`).first().click();
  await page.getByTestId("annotation-popover").getByLabel("Label of Qassim Abdul-Zahra").selectOption(to);
}

test("two annotators on one document see each other live; the one who leaves disappears", async ({ browser, request }) => {
  const [x, y] = [makeUser("annotator"), makeUser("annotator")];
  const docId = await privateDocument(request);
  const openDocument = (page: Page) => page.goto(`/documents/${docId}`);
  const [cx, cy] = [await browser.newContext(), await browser.newContext()];
  try {
    const [px, py] = [await cx.newPage(), await cy.newPage()];
    await signIn(px, x);
    await signIn(py, y);
    await openDocument(px);
    await openDocument(py);

    await expect(people(px).getByRole("listitem").filter({ hasText: y.name })).toBeVisible();
    await expect(people(px).getByRole("listitem").filter({ hasText: "You" })).toBeVisible();
    await expect(people(py).getByRole("listitem").filter({ hasText: x.name })).toBeVisible();
    await expect(px.getByTestId("presence")).toContainText("Live");
    const px2 = await cx.newPage(); // a second tab of the same person counts as one viewer with two tabs
    await openDocument(px2);
    await expect(people(px).getByRole("listitem").filter({ hasText: "You" })).toContainText("2 tabs");
    await expect(people(py).getByRole("listitem").filter({ hasText: x.name })).toContainText("2 tabs");
    await px.bringToFront();
    await px.screenshot({ path: "e2e/screenshots/presence.png", clip: { x: 0, y: 0, width: 1060, height: 260 } });

    await py.close();
    await expect(people(px).getByRole("listitem").filter({ hasText: y.name })).toHaveCount(0);
    await expect(people(px).getByRole("listitem")).toHaveCount(1);
  } finally {
    await cx.close();
    await cy.close();
  }
});

test("two tabs of one annotator stay in sync; a conflicting edit is refused and shown, never lost", async ({ context, request }) => {
  const user = makeUser("annotator");
  const token = makeToken(user.email);
  const a = await context.newPage();
  await signIn(a, user);
  await openDocument(a);
  const b = await context.newPage(); // same browser context: same session, a second tab
  await openDocument(b);
  await expect(people(a).getByRole("listitem").filter({ hasText: "You" })).toContainText("2 tabs");

  // A span made in tab A appears in tab B without a reload; so does a relabel.
  await a.bringToFront();
  await dragSelect(a, "Qassim Abdul-Zahra");
  await a.keyboard.press("1");
  await expect(span(a, "PERSON", "Qassim Abdul-Zahra")).toBeVisible();
  await expect(a.getByTestId("save-status")).toHaveText(/All changes saved/);
  await expect(span(b, "PERSON", "Qassim Abdul-Zahra")).toBeVisible();
  await expect(b.locator('.doc-text [data-label="PERSON"]')).toHaveText("Qassim Abdul-Zahra");
  await relabel(a, "PERSON", "ORG");
  await expect(span(b, "ORG", "Qassim Abdul-Zahra")).toBeVisible();

  // Tab B loses its live stream: it keeps showing ORG while tab A changes the span to GPE.
  await b.route("**/api/v1/documents/*/events", (route) => route.abort());
  await b.reload();
  await expect(span(b, "ORG", "Qassim Abdul-Zahra")).toBeVisible();
  await expect(b.getByTestId("presence")).toContainText("Offline");
  await b.screenshot({ path: "e2e/screenshots/presence-offline.png", clip: { x: 0, y: 0, width: 1060, height: 260 } });
  await relabel(a, "ORG", "GPE");
  await expect(a.getByTestId("save-status")).toHaveText(/All changes saved/);
  await expect(span(b, "ORG", "Qassim Abdul-Zahra")).toBeVisible();

  // Tab B edits the version it saw: the server refuses it, B says so and shows the current state.
  await relabel(b, "ORG", "PERSON");
  const notice = b.getByRole("alert").filter({ hasText: "A change was not saved" });
  await expect(notice).toContainText("changed elsewhere");
  await expect(span(b, "GPE", "Qassim Abdul-Zahra")).toBeVisible();

  const documentId = new URL(a.url()).pathname.split("/").pop();
  const res = await request.get(`/api/v1/documents/${documentId}/annotations`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: { label: string; text: string; version: number }[] };
  expect(items).toEqual([expect.objectContaining({ text: "Qassim Abdul-Zahra", label: "GPE", version: 3 })]);
});
