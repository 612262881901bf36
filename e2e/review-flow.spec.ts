/**
 * The whole team flow in three browser contexts: two annotators and a
 * reviewer, from the first span to the gold layer in the export.
 */
import { test, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { makeUser, makeToken } from "./support/factories";
import { dragSelect } from "./support/text";
import { signedIn } from "./support/session";

const TEXT =
  "Prime Minister Haider al-Abadi said Iraq would share intelligence with Russia, Syria and Iran.\n" +
  "In Washington, John Kerry said the cell was not yet coordinated.";

async function label(page: Page, phrase: string, hotkey: string) {
  await dragSelect(page, phrase);
  await expect(page.getByTestId("label-picker")).toContainText(phrase);
  await page.keyboard.press(hotkey);
  await expect(page.getByTestId("annotation-list")).toContainText(phrase);
}

async function submit(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved/);
  await page.getByRole("button", { name: /submit for review/i }).click();
  await page.getByRole("button", { name: "Yes, submit" }).click();
  await expect(page.getByTestId("layer-status")).toHaveText("Submitted for review");
}

test("two annotators annotate and submit, the reviewer adjudicates, sends one back, approves; gold is exported", async ({ browser, request }) => {
  const admin = makeUser("admin");
  const adminToken = makeToken(admin.email);
  const title = `Review flow ${randomBytes(3).toString("hex")}`;
  const created = await request.post("/api/v1/documents", { headers: { authorization: `Bearer ${adminToken}` }, data: { title, text: TEXT } });
  expect(created.status()).toBe(201);
  const docId = (await created.json()).id as string;

  const [alice, bob, reviewer] = [makeUser("annotator"), makeUser("annotator"), makeUser("reviewer")];
  const a = await signedIn(browser, alice);
  const b = await signedIn(browser, bob);
  const r = await signedIn(browser, reviewer);

  // Both annotate independently; Bob takes John Kerry for an organisation.
  await a.goto(`/documents/${docId}`);
  await b.goto(`/documents/${docId}`);
  // Each sees the other on the document, live.
  await expect(a.getByRole("list", { name: "People on this document" })).toContainText(bob.name);
  await expect(b.getByRole("list", { name: "People on this document" })).toContainText(alice.name);
  await label(a, "Haider al-Abadi", "1");
  await label(a, "Russia", "3");
  await label(a, "John Kerry", "1");
  await label(b, "Haider al-Abadi", "1");
  await label(b, "Russia", "3");
  await label(b, "John Kerry", "2");
  await expect(a.locator(".ann.overlay")).toHaveCount(0); // the project does not show other layers
  await submit(a);
  await submit(b);

  // The reviewer finds the document in the queue and merges what both agree on.
  await r.goto("/review");
  await r.getByTestId("review-queue").getByRole("link", { name: title }).click();
  await expect(r.getByRole("heading", { name: title })).toBeVisible();
  await expect(r.locator(".ann.overlay")).toHaveCount(6);
  await expect(r.locator(".ann.overlay.disputed")).toHaveCount(2);
  await r.getByRole("button", { name: "Merge agreed" }).click();
  await expect(r.getByRole("status").filter({ hasText: "Merged 2 spans" })).toBeVisible();
  const gold = r.getByTestId("annotation-list");
  await expect(gold.getByRole("listitem")).toHaveCount(2);

  // Approving while a disagreement is open asks first, in a dialog that Esc closes without approving.
  const approve = r.getByRole("button", { name: "Approve document" });
  await approve.click();
  const ask = r.getByRole("alertdialog", { name: "Approve with open disagreements?" });
  await expect(ask).toContainText("not adjudicated");
  await expect(ask.getByRole("button", { name: "Cancel" })).toBeFocused();
  await r.keyboard.press("Escape");
  await expect(ask).toBeHidden();
  await expect(approve).toBeFocused();
  await expect(r.getByTestId("approved")).toHaveCount(0);

  // Toggling an annotator hides their layer.
  await r.getByRole("checkbox", { name: bob.name }).uncheck();
  await expect(r.locator(".ann.overlay")).toHaveCount(3);
  await r.getByRole("checkbox", { name: bob.name }).check();

  // Adjudicate by keys: Kerry is a person. The list of open disagreements shrinks, and the dashed marks go.
  const disagreements = r.getByRole("group", { name: /Disagreements: ↑ and ↓ choose/ });
  await expect(r.getByTestId("candidates").locator(".candidate")).toHaveCount(2);
  await disagreements.focus();
  await r.keyboard.press("ArrowDown");
  await expect(r.getByTestId("candidates").locator(".candidate.active")).toContainText("PERSON");
  await r.keyboard.press("a");
  await expect(gold.getByRole("listitem")).toHaveCount(3);
  await expect(gold).toContainText("John Kerry");
  await expect(r.getByTestId("candidates").locator(".candidate")).toHaveCount(0);
  await expect(r.locator(".ann.overlay.disputed")).toHaveCount(0);
  await expect(r.getByRole("heading", { name: /Disagreements/ })).toContainText("0 open");

  // Send Bob's layer back with a comment.
  const bobRow = r.getByTestId("review-layers").getByRole("listitem").filter({ hasText: bob.name });
  await bobRow.getByRole("button", { name: "Send back…" }).click();
  await r.getByLabel(`What should ${bob.name} fix?`).fill("John Kerry is a person (PERSON), not an organisation.");
  // The comment points at the span it is about: typed into the span finder, picked with Enter.
  const finder = r.getByRole("combobox", { name: `Point at a span of ${bob.name}'s layer` });
  await finder.fill("kerry");
  await expect(r.getByRole("option").first()).toContainText("“John Kerry” ORG");
  await finder.press("Enter");
  await expect(r.getByRole("list", { name: "Spans the comment points at" })).toContainText("“John Kerry” ORG");
  await r.screenshot({ path: "e2e/screenshots/send-back-pointing.png" });
  await r.getByRole("button", { name: "Send back", exact: true }).click();
  await expect(bobRow.locator(".status")).toHaveText("Sent back");
  await expect(bobRow).toContainText("About “John Kerry” (ORG).");
  await r.screenshot({ path: "e2e/screenshots/review.png" });

  // Bob sees why without reloading (the page follows his layer live), fixes the label and resubmits.
  await expect(b.getByTestId("review-feedback")).toContainText("John Kerry is a person (PERSON), not an organisation.");
  await b.screenshot({ path: "e2e/screenshots/sent-back.png" });
  await b.setViewportSize({ width: 1024, height: 700 });
  await expect(b.getByTestId("review-feedback").getByRole("button", { name: "Go to “John Kerry” (ORG)" })).toBeInViewport();
  await b.screenshot({ path: "e2e/screenshots/sent-back-1024.png" });
  await b.setViewportSize({ width: 1360, height: 860 });
  // The comment's span is one click away: the keyboard cursor lands on it, in the text.
  await b.getByTestId("review-feedback").getByRole("button", { name: "Go to “John Kerry” (ORG)" }).click();
  await expect(b.locator(".kbd-cursor")).toHaveText("John");
  await expect(b.getByTestId("document-surface")).toBeFocused();
  await b.locator('.doc-text [data-label="ORG"]').first().click(); // the keyboard cursor may split the span's element
  await b.getByLabel("Label of John Kerry").selectOption("PERSON");
  await expect(b.getByTestId("annotation-list")).toContainText("PERSON");
  await submit(b);

  // Back in the queue; the reviewer approves.
  await r.goto("/review");
  await r.getByTestId("review-queue").getByRole("link", { name: title }).click();
  await expect(r.locator(".ann.overlay.disputed")).toHaveCount(0);
  await r.getByRole("button", { name: "Approve document" }).click();
  await expect(r.getByTestId("approved")).toBeVisible();
  await expect(r.getByTestId("locked-banner")).toBeVisible();

  // The annotators' layers are approved too.
  await a.reload();
  await expect(a.getByTestId("layer-status")).toHaveText("Approved");

  // The default export carries the approved gold layer.
  const res = await request.get("/api/v1/export", { headers: { authorization: `Bearer ${adminToken}` } });
  expect(res.status()).toBe(200);
  const record = (await res.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l))
    .find((d: { id: string }) => d.id === docId);
  expect(record.spans.map((s: { label: string; text: string; layer: string }) => `${s.layer}:${s.label}:${s.text}`).sort()).toEqual(
    ["gold:GPE:Russia", "gold:PERSON:Haider al-Abadi", "gold:PERSON:John Kerry"].sort(),
  );

  // The history shows who did what.
  await r.goto(`/documents/${docId}/history`);
  await expect(r.getByTestId("history")).toContainText("approve");
  await expect(r.getByTestId("history")).toContainText("John Kerry is a person");
  await r.screenshot({ path: "e2e/screenshots/history.png" });
});
