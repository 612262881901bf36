import { test, expect } from "@playwright/test";
import { makeUser } from "./support/factories";
import { dragSelect } from "./support/text";
import { signIn } from "./support/session";

const DOC_TITLE = "Iraq, Russia, Iran and Syria to share intelligence on Daesh";

test("link a mention via type-ahead, accept all suggestions of an entity, see its spellings in the registry", async ({ page }) => {
  const annotator = makeUser("annotator");
  await signIn(page, annotator);
  await page.getByRole("link", { name: DOC_TITLE }).click();
  await expect(page.getByRole("heading", { name: DOC_TITLE })).toBeVisible();
  const list = page.getByTestId("annotation-list");
  const panel = page.getByRole("region", { name: "Entity" });
  const suggestions = page.getByRole("region", { name: "Registry matches" });

  // registry suggestions are drawn in the text, apart from annotations
  await expect(page.locator(".doc-text .mark.entity-suggestion").first()).toBeVisible();
  await expect(suggestions.getByTestId("suggestion-group").filter({ hasText: "Islamic State" })).toBeVisible();

  // label "Lavrov" PERSON, click it, link it to the seeded entity by type-ahead and keyboard
  await dragSelect(page, "Lavrov");
  await page.keyboard.press("1");
  await expect(list.getByRole("button", { name: /PERSON\s+Lavrov/ })).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved/);
  await page.locator('.doc-text [data-label="PERSON"]', { hasText: "Lavrov" }).click();
  await expect(panel).toContainText("Not linked.");
  const combo = panel.getByRole("combobox", { name: "Link to entity" });
  await combo.fill("lavr");
  await expect(panel.getByRole("option").first()).toContainText("Sergey Lavrov");
  await expect(panel.getByRole("option").last()).toContainText("Create “Lavrov” as PERSON");
  await combo.press("Enter");
  await expect(panel.getByTestId("entity-linked")).toContainText("Sergey Lavrov");

  // a mention named exactly as an entity: the type-ahead offers that entity, never a second one of the same name
  await dragSelect(page, "Baghdad");
  await page.keyboard.press("3");
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved/);
  await page.locator('.doc-text [data-label="GPE"]', { hasText: "Baghdad" }).first().click();
  await combo.fill("baghdad");
  await expect(panel.getByRole("option").first()).toContainText("Baghdad");
  await expect(panel.getByRole("option", { name: /Create/ })).toHaveCount(0);
  await combo.press("ArrowDown");
  await combo.press("Enter");
  await expect(panel.getByTestId("entity-linked")).toContainText("Baghdad");

  // accept every suggestion of the Islamic State at once
  const isGroup = suggestions.getByTestId("suggestion-group").filter({ hasText: "Islamic State" });
  await isGroup.locator("summary").click();
  await expect(isGroup).toContainText("Daesh");
  await page.screenshot({ path: "e2e/screenshots/entities-panel.png" });
  await isGroup.getByRole("button", { name: /Accept all \d+ of Islamic State/ }).click();
  await expect(isGroup).toHaveCount(0);
  await expect(list.getByRole("button", { name: /ORG\s+Daesh/ }).first()).toBeVisible();
  await expect(list.getByRole("button", { name: /^ORG\s*IS$/ }).first()).toBeVisible();

  // the registry: the entity with its spellings (from the Lavrov span's panel)
  await page.locator('.doc-text [data-label="PERSON"]', { hasText: "Lavrov" }).click();
  await panel.getByRole("link", { name: "Sergey Lavrov" }).click();
  await expect(page.getByTestId("spelling-row")).toContainText(["Lavrov"]);
  await page.getByRole("link", { name: /· entities/ }).click();
  const row = page.getByTestId("entity-row").filter({ hasText: "Islamic State" });
  await expect(row).toContainText("Daesh");
  await row.getByRole("link", { name: "Islamic State" }).click();
  await expect(page.getByTestId("spelling-row").filter({ hasText: "“Daesh”" })).toBeVisible();
  await expect(page.getByTestId("spelling-row").filter({ hasText: "“IS”" })).toBeVisible();
  await page.getByRole("link", { name: /· entities/ }).click();
  await expect(page.getByRole("heading", { name: /· entities$/ })).toBeVisible();
  await expect(page.getByTestId("entity-row").filter({ hasText: "Sergey Lavrov" })).toContainText("Sergei Lavrov");
  await page.screenshot({ path: "e2e/screenshots/entity-registry.png", fullPage: true });
});
