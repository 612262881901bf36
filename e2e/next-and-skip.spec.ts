import { test, expect } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { importDocument, makeToken, makeUser } from "./support/factories";
import { signedIn } from "./support/session";

test("annotators go on with Next and Skip, reviewers see what waits and go on after approving", async ({ browser, request }) => {
  const id = randomBytes(3).toString("hex");
  const admin = makeUser("admin");
  const slug = `flow-${id}`;
  const made = await request.post("/api/v1/projects", {
    headers: { authorization: `Bearer ${makeToken(admin.email)}` },
    data: { name: `Flow ${id}`, slug, addAllUsers: false },
  });
  expect(made.status()).toBe(201);
  const titles = [1, 2, 3].map((n) =>
    importDocument(slug, `Flow ${id} report ${n}`, `Report ${n} ${id}: Haider al-Abadi met Sergey Lavrov in Baghdad on Sunday.`),
  );
  const annotator = makeUser("annotator", { project: slug });
  const reviewer = makeUser("reviewer", { project: slug });

  // Home → Next document → the first of the project's documents.
  const a = await signedIn(browser, annotator);
  await a.getByRole("button", { name: "Next document →" }).click();
  await expect(a).toHaveURL(/\/documents\/[^/]+$/);
  const first = a.url();
  await expect(a.getByRole("heading", { name: titles[0] })).toBeVisible();

  // Skip passes it over for now.
  await a.getByRole("button", { name: "Skip →" }).click();
  await expect(a).not.toHaveURL(first);
  await expect(a.getByRole("heading", { name: titles[1] })).toBeVisible();
  const second = a.url();

  // Label a word by keyboard, submit: Next document comes up focused, and goes back to the skipped one.
  await a.getByTestId("document-surface").focus();
  await a.keyboard.press("Home");
  await a.keyboard.press("1");
  await expect(a.getByTestId("save-status")).toHaveText(/All changes saved/);
  await a.getByRole("button", { name: /submit for review/i }).click();
  await a.getByRole("button", { name: "Yes, submit" }).click();
  await expect(a.getByTestId("layer-status")).toHaveText("Submitted for review");
  const next = a.getByRole("button", { name: "Next document →" });
  await expect(next).toBeFocused();
  await a.keyboard.press("Enter");
  await expect(a).toHaveURL(first);

  // The reviewer's home says what waits, without the annotator's columns.
  const r = await signedIn(browser, reviewer);
  await expect(r.getByTestId("reviews-waiting")).toContainText("1 document waits for review");
  await expect(r.getByRole("columnheader", { name: "My spans" })).toHaveCount(0);
  await r.screenshot({ path: "e2e/screenshots/reviewer-home.png" });
  await r.getByRole("link", { name: "Open the review queue →" }).click();
  await r.getByTestId("review-queue").getByRole("link", { name: titles[1] }).click();
  await expect(r).toHaveURL(second.replace("/documents/", "/review/"));
  await r.getByRole("button", { name: "Approve document" }).click();
  await expect(r.getByTestId("approved")).toBeVisible();
  const nextReview = r.getByRole("button", { name: "Next review →" });
  await expect(nextReview).toBeFocused();
  await nextReview.click();
  await expect(r.getByRole("status").filter({ hasText: "No other document is waiting for review." })).toBeVisible();
  await r.goto("/");
  await expect(r.getByTestId("reviews-waiting")).toContainText("No document waits for review.");
});
