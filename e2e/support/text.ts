import { expect, type Page } from "@playwright/test";

/** Screen points at the start and end of the first occurrence of `needle` in the document text. */
export async function textPoints(page: Page, needle: string, occurrence = 0) {
  return page.evaluate(
    ({ needle, occurrence }) => {
      const root = document.querySelector(".doc-text");
      if (!root) throw new Error("no document text");
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(needle) ?? -1;
        if (at === -1) continue;
        if (seen++ < occurrence) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        // as a person would: scroll the words into view when the sticky label bar or the window's edge hides them
        const hiddenUnder = document.querySelector(".label-bar")?.getBoundingClientRect().bottom ?? 0;
        const box = range.getBoundingClientRect();
        if (box.top < hiddenUnder || box.bottom > window.innerHeight) node.parentElement?.scrollIntoView({ block: "center" });
        const rects = range.getClientRects();
        const first = rects[0];
        const last = rects[rects.length - 1];
        return { start: { x: first.left + 1, y: first.top + first.height / 2 }, end: { x: last.right - 1, y: last.top + last.height / 2 } };
      }
      throw new Error(`"${needle}" not found in one text node`);
    },
    { needle, occurrence },
  );
}

/** Drags the mouse across a phrase, as a person selecting it would. */
export async function dragSelect(page: Page, needle: string, occurrence = 0) {
  await expect(page.locator(".doc-text")).toContainText(needle); // the editor renders after hydration
  // A drag made while the page is still wiring up its handlers (a busy machine) selects nothing; a person would drag again.
  await expect(async () => {
    const { start, end } = await textPoints(page, needle, occurrence);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
    await page.mouse.move(end.x, end.y, { steps: 4 });
    await page.mouse.up();
    await expect(page.getByTestId("label-picker")).toBeVisible({ timeout: 3_000 }); // it opens on every selection
  }).toPass({ timeout: 15_000 });
}
