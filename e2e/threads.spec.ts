/**
 * Discussion threads (issue 15, item 1) in three browser contexts: an
 * annotator asks about her span and mentions the reviewer; the reviewer's
 * inbox badge lights up live, the inbox links to the passage, the reviewer
 * answers with a mention and resolves; another annotator never sees the
 * thread (the project does not show layers to each other).
 * Written without being run here: the lead runs the e2e suite.
 */
import { test, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { makeUser, makeToken } from "./support/factories";
import { dragSelect } from "./support/text";
import { signedIn } from "./support/session";

const TEXT = "Prime Minister Haider al-Abadi said Iraq would share intelligence with Russia, Syria and Iran.";

async function submit(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved/);
  await page.getByRole("button", { name: /submit for review/i }).click();
  await page.getByRole("button", { name: "Yes, submit" }).click();
  await expect(page.getByTestId("layer-status")).toHaveText("Submitted for review");
}

async function label(page: Page, phrase: string, hotkey: string) {
  await dragSelect(page, phrase);
  await expect(page.getByTestId("label-picker")).toContainText(phrase);
  await page.keyboard.press(hotkey);
  await expect(page.getByTestId("annotation-list")).toContainText(phrase);
}

test("an annotator asks about a span with a mention; the reviewer sees it live, answers and resolves; another annotator never sees it", async ({
  browser,
  request,
}) => {
  const admin = makeUser("admin");
  const adminToken = makeToken(admin.email);
  const title = `Threads ${randomBytes(3).toString("hex")}`;
  const created = await request.post("/api/v1/documents", { headers: { authorization: `Bearer ${adminToken}` }, data: { title, text: `${TEXT} (${title})` } });
  expect(created.status()).toBe(201);
  const docId = (await created.json()).id as string;

  const [alice, bob, reviewer] = [makeUser("annotator"), makeUser("annotator"), makeUser("reviewer")];
  const a = await signedIn(browser, alice);
  const b = await signedIn(browser, bob);
  const r = await signedIn(browser, reviewer);
  await r.goto(`/documents/${docId}`); // the reviewer has the document open: the mention reaches them on its live stream
  await b.goto(`/documents/${docId}`);
  await a.goto(`/documents/${docId}`);
  await expect(r.getByTestId("inbox-badge")).toHaveCount(0);

  await label(a, "Russia", "3");
  await expect(a.getByTestId("save-status")).toHaveText(/All changes saved/);
  // focus the span in the text (its popover closes with Esc), as the stances spec does
  await a.locator(".doc-text [data-label]", { hasText: "Russia" }).first().click();
  await a.keyboard.press("Escape");
  const panel = a.getByTestId("discussion-panel");
  await expect(panel.getByLabel(/the focused span “Russia”/)).toBeChecked();
  await panel.getByLabel(/First post/).fill(`@${reviewer.name} is Russia a GPE here or the government?`);
  await panel.getByRole("button", { name: "Start thread" }).click();
  await expect(panel.getByTestId("thread")).toHaveCount(1);
  await expect(panel.getByTestId("thread")).toContainText("“Russia”");
  await expect(a.getByTestId("annotation-list").getByTestId("thread-badge")).toHaveText(/1/);

  // live: the reviewer's badge counts the mention; Bob's panel stays empty (Alice's layer is hers)
  await expect(r.getByTestId("inbox-badge")).toHaveText("1");
  await expect(b.getByTestId("discussion-panel")).toBeVisible(); // Bob is on the document, not on an error page
  await expect(b.getByTestId("discussion-panel").getByTestId("thread")).toHaveCount(0);

  // the inbox links to the passage
  await r.getByTestId("inbox-link").click();
  const item = r.getByTestId("inbox-item");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(alice.name);
  await expect(item).toContainText("is Russia a GPE");
  await item.getByRole("link").click();
  await expect(r).toHaveURL(new RegExp(`/documents/${docId}\\?at=\\d+-\\d+`));
  await expect(r.getByTestId("inbox-badge")).toHaveCount(0);

  // the reviewer answers with a mention; Alice sees the reply live, and her badge
  const thread = r.getByTestId("discussion-panel").getByTestId("thread");
  await thread.getByLabel("Reply").fill(`@${alice.name} the government: ORG`);
  await thread.getByLabel("Reply").press("Control+Enter");
  await expect(panel.getByTestId("thread")).toContainText("the government: ORG");
  await expect(a.getByTestId("inbox-badge")).toHaveText("1");

  // Alice edits her own post (no Edit on the reviewer's); the reviewer resolves
  const own = panel.getByTestId("thread");
  await expect(own.getByRole("button", { name: /Edit your post/ })).toHaveCount(1);
  await own.getByRole("button", { name: /Edit your post/ }).click();
  await own.getByLabel("Edit your post").fill("Is Russia a GPE here, or the government?");
  await own.getByRole("button", { name: "Save" }).click();
  await expect(own).toContainText("(edited)");
  await thread.getByRole("button", { name: "Resolve" }).click();
  await expect(panel.getByTestId("thread")).toHaveCount(0); // resolved threads are hidden until asked for
  await panel.getByLabel(/Show resolved/).check();
  await expect(panel.getByTestId("thread")).toContainText(`resolved by ${reviewer.name}`);

  // the native export carries the thread
  const reviewerToken = makeToken(reviewer.email);
  const exported = await request.get(`/api/v1/export?layer=annotators&status=all&manifest=none&threads=1`, {
    headers: { authorization: `Bearer ${reviewerToken}` },
  });
  const record = (await exported.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { id: string; threads: { resolved: boolean; posts: { body: string }[] }[] })
    .find((d) => d.id === docId)!;
  expect(record.threads).toHaveLength(1);
  expect(record.threads[0].resolved).toBe(true);
  expect(record.threads[0].posts.map((p) => p.body)).toEqual(["Is Russia a GPE here, or the government?", `@${alice.name} the government: ORG`]);
});

test("a reviewer starts a thread on one annotator's disputed span from the review page; only that annotator sees it, live", async ({ browser, request }) => {
  const admin = makeUser("admin");
  const adminToken = makeToken(admin.email);
  const title = `Threads review ${randomBytes(3).toString("hex")}`;
  // a text of its own: the same text twice in a project is a duplicate (409)
  const created = await request.post("/api/v1/documents", { headers: { authorization: `Bearer ${adminToken}` }, data: { title, text: `${TEXT} (${title})` } });
  expect(created.status()).toBe(201);
  const docId = (await created.json()).id as string;
  const [alice, bob, reviewer] = [makeUser("annotator"), makeUser("annotator"), makeUser("reviewer")];
  const a = await signedIn(browser, alice);
  const b = await signedIn(browser, bob);
  const r = await signedIn(browser, reviewer);
  await a.goto(`/documents/${docId}`);
  await b.goto(`/documents/${docId}`);
  await label(a, "Russia", "3");
  await label(b, "Russia", "2"); // a disagreement on the label
  await submit(a);
  await submit(b);

  await r.goto(`/review/${docId}`);
  await r
    .getByRole("button", { name: new RegExp(`Discuss \\S+ “Russia” with ${bob.name}`) })
    .first()
    .click();
  const panel = r.getByTestId("discussion-panel");
  await expect(panel.getByLabel(new RegExp(`“Russia” · .* of ${bob.name}`))).toBeChecked();
  await expect(panel.getByLabel(/First post/)).toBeFocused();
  await r.keyboard.type(`@${bob.name} why this label?`);
  await r.keyboard.press("Control+Enter");
  await expect(panel.getByTestId("thread")).toHaveCount(1);

  await expect(b.getByTestId("inbox-badge")).toHaveText("1");
  await expect(b.getByTestId("discussion-panel").getByTestId("thread")).toContainText("why this label?");
  await expect(a.getByTestId("discussion-panel")).toBeVisible();
  await expect(a.getByTestId("discussion-panel").getByTestId("thread")).toHaveCount(0);
});
