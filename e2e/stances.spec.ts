import { execFileSync } from "node:child_process";
import { test, expect } from "@playwright/test";
import { makeUser } from "./support/factories";
import { dragSelect } from "./support/text";
import { signIn, signedIn } from "./support/session";

const PROJECT = "iraq-intel-2015";
const DOC_TITLE = "Iraq to share intelligence info on IS with Syria, Russia, Iran";
const TARGET = "the four-country intelligence cell";

const entity = (...args: string[]) =>
  execFileSync("npx", ["tsx", "e2e/support/make-entity.ts", PROJECT, ...args], { env: process.env, encoding: "utf8" }).trim();

test("an annotator records a stance with evidence; it survives a reload and shows on the stance view", async ({ page, browser }) => {
  entity("John Kerry", "PERSON");
  const annotator = makeUser("annotator");
  await signIn(page, annotator);
  await page.getByRole("link", { name: DOC_TITLE }).click();
  await expect(page.getByRole("heading", { name: DOC_TITLE })).toBeVisible();
  const list = page.getByTestId("annotation-list");

  // The holder's mention (PERSON, linked to the registry entity) and the evidence sentence (a QUOTE span).
  await dragSelect(page, "John Kerry");
  await page.keyboard.press("1");
  await expect(list.getByRole("button", { name: /PERSON\s+John Kerry/ })).toBeVisible();
  // near the top of the view, so the label picker (12 labels) opens below it on screen
  await page.locator(".doc-text p", { hasText: "This is not yet coordinated" }).evaluate((p) => p.scrollIntoView({ block: "start" }));
  await dragSelect(page, "This is not yet coordinated");
  await page.getByTestId("label-picker").getByRole("button", { name: "QUOTE", exact: true }).click();
  await expect(list.getByRole("button", { name: /QUOTE\s+This is not yet coordinated/ })).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved/);
  entity("John Kerry", "PERSON", annotator.email, DOC_TITLE, "John Kerry");

  // Focus the evidence span in the text: the Quote panel appears for it.
  await page.locator('.doc-text [data-label="QUOTE"]').first().click();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("quote-panel")).toContainText("This is not yet coordinated");

  const panel = page.getByTestId("stance-panel");
  await panel.getByRole("button", { name: "New stance" }).click();
  const holder = panel.getByRole("combobox", { name: "Holder" });
  await holder.fill("kerr");
  await holder.press("ArrowDown");
  await panel.getByRole("option", { name: /John Kerry/ }).click();
  await expect(holder).toHaveValue("John Kerry");
  await panel.locator("select").selectOption({ label: TARGET });
  await panel.getByRole("radio", { name: "against" }).check();
  await panel.getByRole("slider", { name: "Confidence" }).fill("0.8");
  await expect(panel.locator("output")).toHaveText("0.80");
  await panel.getByRole("button", { name: "Add focused span as evidence" }).click();
  await expect(panel.locator(".evidence-box")).toContainText("This is not yet coordinated");
  await panel.getByRole("button", { name: "Record stance" }).click();

  const item = panel.getByTestId("stance-item");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(`John Kerry → ${TARGET}`);
  await expect(item).toContainText("against");
  await expect(item).toContainText("confidence 0.80");
  await expect(item.getByRole("button", { name: /This is not yet coordinated/ })).toBeVisible();
  await page.locator(".side-pane").screenshot({ path: "e2e/screenshots/stance-panel.png" });

  await page.reload();
  await expect(page.getByTestId("stance-item")).toContainText(`John Kerry → ${TARGET}`);
  await expect(page.getByTestId("stance-item")).toContainText("confidence 0.80");

  // The stance view lists it under its target, with a link to the document and the evidence text.
  const reviewer = makeUser("reviewer");
  const view = await signedIn(browser, reviewer);
  await view.goto(`/projects/${PROJECT}/stances`);
  const section = view.getByTestId("stance-target").filter({ has: view.getByRole("heading", { name: TARGET }) });
  const row = section.getByRole("row", { name: /John Kerry/ });
  await expect(row).toContainText("This is not yet coordinated");
  await expect(row).toContainText(annotator.name);
  await expect(section.getByRole("img", { name: /1 against/ })).toBeVisible();
  const link = row.getByRole("link", { name: DOC_TITLE });
  await expect(link).toHaveAttribute("href", /\/documents\/[\w-]+$/);
  await view.screenshot({ path: "e2e/screenshots/stance-view.png", fullPage: true });
  await link.click();
  await expect(view.getByRole("heading", { name: DOC_TITLE })).toBeVisible();
});
