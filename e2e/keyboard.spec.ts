import { test, expect, type Page } from "@playwright/test";
import { makeUser } from "./support/factories";
import { signIn } from "./support/session";
import { textPoints } from "./support/text";

const DOC_TITLE = "Iraq plans to share security, intelligence";

const cursorBox = async (page: Page) => (await page.locator(".kbd-cursor").first().boundingBox())!;
/** The cursor's top in the text's own coordinates (the pane may scroll to keep it in view). */
const cursorTop = (page: Page) =>
  page
    .locator(".kbd-cursor")
    .first()
    .evaluate((el) => el.getBoundingClientRect().top + el.closest(".doc-pane")!.scrollTop);

for (const viewport of [
  { width: 1360, height: 860 },
  { width: 1024, height: 700 },
]) {
  test(`keyboard-first labelling at ${viewport.width}×${viewport.height}: label bar, names on spans, keys overlay, visual lines and pages, whole abbreviations`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await signIn(page, makeUser("annotator"));
    await page.getByRole("link", { name: DOC_TITLE }).click();
    const surface = page.getByTestId("document-surface");
    const list = page.getByTestId("annotation-list");
    const bar = page.getByRole("toolbar", { name: "Labels" });
    await expect(bar.getByRole("button", { name: /PERSON/ })).toBeVisible();
    await expect(bar.getByRole("button", { name: /CITED_SOURCE/ })).toBeVisible(); // every label is in the bar, none clipped

    // `?` lists every key; Esc closes the list and the keys go to the text again.
    await surface.focus();
    await page.keyboard.press("?");
    const keys = page.getByRole("dialog", { name: "Keys" });
    await expect(keys).toContainText("by visual line");
    await page.screenshot({ path: `e2e/screenshots/keys-${viewport.width}.png` });
    await page.keyboard.press("Escape");
    await expect(keys).toBeHidden();

    // PageDown moves a screenful and keeps the cursor well inside the window.
    await expect(surface).toBeFocused();
    await page.keyboard.press("Home");
    const pane = (await page.locator(".doc-pane").boundingBox())!;
    const top = await page.locator(".doc-pane").evaluate((el) => el.scrollTop);
    await page.keyboard.press("PageDown");
    await expect.poll(() => page.locator(".doc-pane").evaluate((el) => el.scrollTop)).toBeGreaterThan(top + pane.height / 2);
    const paged = await cursorBox(page);
    expect(paged.y).toBeGreaterThan(pane.y + 40);
    expect(paged.y + paged.height).toBeLessThan(pane.y + pane.height - 40);

    // ↓ goes to the word below on the next visual line of the same paragraph, not to the next paragraph.
    const paragraph = page.locator(".doc-text p", { hasText: "Secretary of State John Kerry, who met" });
    await paragraph.scrollIntoViewIfNeeded();
    const lineHeight = await paragraph.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    const secretary = await textPoints(page, "Secretary of");
    await page.mouse.click(secretary.start.x + 2, secretary.start.y);
    await expect(page.locator(".kbd-cursor")).toHaveText("Secretary");
    const [before, beforeTop] = [await cursorBox(page), await cursorTop(page)];
    await page.keyboard.press("ArrowDown");
    await expect(paragraph.locator(".kbd-cursor")).toHaveCount(1);
    const [after, afterTop] = [await cursorBox(page), await cursorTop(page)];
    expect(afterTop - beforeTop).toBeGreaterThan(lineHeight * 0.6);
    expect(afterTop - beforeTop).toBeLessThan(lineHeight * 1.4);
    expect(Math.abs(after.x - before.x)).toBeLessThan(120); // about where it was across the line

    // "U.N." is one word: a click puts the cursor on it, whole, period included.
    const un = await textPoints(page, "U.N.");
    await page.mouse.click(un.start.x + 2, un.start.y);
    await expect(page.locator(".kbd-cursor")).toHaveText("U.N.");

    // Every label from the keyboard (QUOTE, without a hotkey, on the way): `l` goes to the label bar, arrows choose, Enter applies, focus returns.
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(async () => (await page.locator(".pending-selection").allTextContents()).join("")).toBe("U.N. General Assembly");
    await page.keyboard.press("l");
    await expect(bar.getByRole("button", { name: /PERSON/ })).toBeFocused();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(bar.getByRole("button", { name: /QUOTE/ })).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(bar.getByRole("button", { name: /EVENT/ })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(list.getByRole("button", { name: /EVENT\s+U\.N\. General Assembly/ })).toBeVisible();
    await expect(surface).toBeFocused();

    // Label names on spans, and the compact view without them (`t`).
    const tag = page.locator('.doc-text .ann-tag[data-tag="EVENT"]');
    await expect(tag).toBeVisible();
    await page.screenshot({ path: `e2e/screenshots/label-bar-${viewport.width}.png` });
    await page.keyboard.press("t");
    await expect(page.locator(".doc-text .ann-tag")).toHaveCount(0);
    await expect(page.getByRole("checkbox", { name: /Names on spans/ })).not.toBeChecked();
    await page.keyboard.press("t");
    await expect(tag).toBeVisible();
  });
}
