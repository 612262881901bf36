import { test, expect } from "@playwright/test";
import { makeUser } from "./support/factories";
import { dragSelect } from "./support/text";
import { signIn } from "./support/session";

// Austin American-Statesman: carries Associated Press copy also printed by PanARMENIAN.Net and the untitled-outlet seed
const DOC = "Iraq plans to share security, intelligence";
const COPY = "Iraq to share intelligence info on IS with Syria, Russia, Iran";

test("an annotator grades the outlet B2, and copies a span inside the AP passage to its syndicated copy", async ({ page }) => {
  const annotator = makeUser("annotator");
  await signIn(page, annotator);
  await page.getByRole("link", { name: DOC }).click();
  await expect(page.getByRole("heading", { name: DOC })).toBeVisible();

  // Source grades: the outlet, graded B2 with a rationale
  const outlet = page.getByTestId("outlet-grade");
  await expect(page.getByTestId("grade-outlet")).toHaveText("Austin American-Statesman");
  await outlet.getByLabel("Reliability").selectOption("B");
  await outlet.getByLabel("Credibility").selectOption("2");
  await outlet.getByLabel("Rationale").fill("Metro daily reprinting AP wire copy; AP usually reliable");
  await expect(outlet.getByRole("list", { name: "MISP machine tags" })).toContainText('admiralty-scale:source-reliability="b"');
  await outlet.getByRole("button", { name: "Save grade" }).click();
  await expect(outlet.getByText("Saved")).toBeVisible();

  // credibility 1 on a document whose other reports are copies of the same wire: warned, not refused
  await outlet.getByLabel("Credibility").selectOption("1");
  await expect(outlet.getByRole("status")).toContainText("Only syndicated copies of the same wire text");
  await outlet.getByLabel("Credibility").selectOption("2");

  // Syndication: the shared passages are listed and marked in the text
  const synd = page.getByTestId("syndication-list");
  await expect(synd.getByRole("link", { name: `also in ${COPY}` }).first()).toBeVisible();
  await expect(page.locator(".doc-text .synd-mark").first()).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/grades-panel.png" });

  await page.reload();
  await expect(outlet.getByLabel("Reliability")).toHaveValue("B");
  await expect(outlet.getByLabel("Credibility")).toHaveValue("2");
  await expect(outlet.getByLabel("Rationale")).toHaveValue("Metro daily reprinting AP wire copy; AP usually reliable");
  await expect(outlet.getByRole("list", { name: "MISP machine tags" })).toContainText('admiralty-scale:information-credibility="2"');

  // A span inside the AP passage, labelled ORG (hotkey 2), then copied to the other copy
  await dragSelect(page, "Joint Operations Command");
  await page.keyboard.press("2");
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved/);
  // click the span in the text to focus it (the keyboard cursor may split it into pieces, each carrying the span's title)
  await page.locator(".doc-text").getByTitle("ORG: Joint Operations Command").first().click();
  await page.keyboard.press("Escape");
  const copy = page.getByRole("button", { name: "Copy to 1 syndicated copy" });
  await expect(copy).toBeVisible();
  await copy.click();
  await expect(page.getByText(`Copied to ${COPY}.`)).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/syndication.png" });

  await synd
    .getByRole("link", { name: `also in ${COPY}` })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: COPY })).toBeVisible();
  await expect(page.getByTestId("annotation-list").getByRole("button", { name: /ORG\s+Joint Operations Command/ })).toBeVisible();
  await expect(page.locator('.doc-text [data-label="ORG"]')).toHaveText("Joint Operations Command");
});
