import { test, expect, type Page } from "@playwright/test";
import { makeUser } from "./support/factories";
import { dragSelect } from "./support/text";
import { signIn } from "./support/session";

const DOC_TITLE = "Iraq to share intelligence info on IS with Syria, Russia, Iran";

/** A new annotator signed in on the seed article: its span list and save status. */
async function openAsNewAnnotator(page: Page) {
  await signIn(page, makeUser("annotator"));
  await page.getByRole("link", { name: DOC_TITLE }).first().click();
  return { list: page.getByTestId("annotation-list"), status: page.getByTestId("save-status") };
}

test("click a span to relabel or delete it, undo, and a failed save is retried, not dropped", async ({ page }) => {
  const { list, status } = await openAsNewAnnotator(page);

  // The server is unreachable for span creation: the change waits and is retried.
  let blocked = true;
  await page.route("**/api/v1/documents/*/annotations?*", (route) => (blocked && route.request().method() === "POST" ? route.abort() : route.continue()));
  await dragSelect(page, "Steve Warren");
  await page.keyboard.press("1");
  await expect(status).toContainText("Not saved");
  await expect(list.getByRole("button", { name: /PERSON\s+Steve Warren · unsaved/ })).toBeVisible();
  blocked = false;
  await status.getByRole("button", { name: "Retry now" }).click();
  await expect(status).toHaveText(/All changes saved/);

  // Click the span: relabel it to ORG, then delete it, then undo the delete.
  await page.locator('.doc-text [data-label="PERSON"]').first().click();
  await page.getByTestId("annotation-popover").getByLabel("Label of Steve Warren").selectOption("ORG");
  await expect(list.getByRole("button", { name: /ORG\s+Steve Warren/ })).toBeVisible();
  await page.locator('.doc-text [data-label="ORG"]').first().click();
  await page.getByTestId("annotation-popover").getByRole("button", { name: "Delete" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(0);
  await page.getByRole("button", { name: /Undo/ }).click();
  await expect(list.getByRole("button", { name: /ORG\s+Steve Warren/ })).toBeVisible();
  await expect(status).toHaveText(/All changes saved/);

  await page.reload();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("button", { name: /ORG\s+Steve Warren/ })).toBeVisible();
});

test("changes made while the server is unreachable survive a reload, show how many wait, and land when it is back", async ({ page }) => {
  const { list, status } = await openAsNewAnnotator(page);

  // Every write to the API fails as if the server were down; pages and reads still load.
  let down = true;
  await page.route("**/api/v1/**", (route) => (down && route.request().method() !== "GET" ? route.abort("connectionrefused") : route.continue()));
  await dragSelect(page, "Steve Warren");
  await page.keyboard.press("1");
  await dragSelect(page, "Syria");
  await page.keyboard.press("3");
  await expect(status).toContainText("2 changes waiting");

  await page.reload();
  await expect(status).toContainText("2 changes waiting");
  await expect(list.getByRole("button", { name: /Steve Warren · unsaved/ })).toBeVisible();
  await expect(list.getByRole("button", { name: /Syria · unsaved/ })).toBeVisible();

  down = false;
  await status.getByRole("button", { name: "Retry now" }).click();
  await expect(status).toHaveText(/All changes saved/);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.reload();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("button", { name: /PERSON\s+Steve Warren/ })).toBeVisible();
  await expect(list.getByRole("button", { name: /GPE\s+Syria/ })).toBeVisible();
});
