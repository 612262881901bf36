/**
 * Keys per labelled span: a fixed script of ten entities in a seed article,
 * labelled with the keyboard only by a plain strategy (down a line or a page
 * while the entity is below, along the line word by word, Shift+→ over the
 * entity, its hotkey), every key counted. The figure goes to README
 * ("Keyboard labelling"); the same file ran against the code before the
 * change for the "before" figure.
 */
import { test, expect, type Page } from "@playwright/test";
import { writeFileSync, mkdirSync } from "node:fs";
import { makeUser } from "./support/factories";
import { signIn } from "./support/session";

const DOC_TITLE = "Iraq plans to share security, intelligence";
const SCRIPT: [string, string][] = [
  ["Qassim Abdul-Zahra", "1"],
  ["Syria", "3"],
  ["Russia", "3"],
  ["Iran", "3"],
  ["Damascus", "3"],
  ["Islamic State", "2"],
  ["John Kerry", "1"],
  ["Russian", "5"],
  ["Sergei Lavrov", "1"],
  ["U.N. General Assembly", "7"],
];

type Where = {
  cursorAt: number;
  cursorTop: number;
  targetAt: number;
  targetTop: number;
  targetBottom: number;
  cursorBottom: number;
  pane: number;
  selection: string;
};

/** Where the cursor and the next occurrence (after `after`) of `word` are, in text order and on screen. */
function where(page: Page, word: string, after: number): Promise<Where> {
  return page.evaluate(
    ({ word, after }) => {
      const root = document.querySelector(".doc-text")!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Node; at: number }[] = [];
      let full = "";
      let cursorAt = -1;
      const cursorEl = document.querySelector(".kbd-cursor");
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (cursorAt < 0 && cursorEl?.contains(node)) cursorAt = full.length;
        nodes.push({ node, at: full.length });
        full += node.textContent ?? "";
      }
      // the words may be cut into several text nodes by decorations: search the whole text, then map back
      const boundary = (c: string | undefined) => c === undefined || !/[\p{L}\p{N}]/u.test(c);
      let target: { at: number; rect: DOMRect } | null = null;
      for (let i = full.indexOf(word, after + 1); i >= 0 && !target; i = full.indexOf(word, i + 1)) {
        if (!boundary(full[i - 1]) || !boundary(full[i + word.length])) continue;
        const locate = (pos: number) => {
          const n = nodes.findLast((x) => x.at <= pos)!;
          return [n.node, pos - n.at] as const;
        };
        const range = document.createRange();
        range.setStart(...locate(i));
        range.setEnd(...locate(i + word.length - 1));
        target = { at: i, rect: range.getBoundingClientRect() };
      }
      if (!target) throw new Error(`"${word}" not found after ${after}`);
      const c = cursorEl?.getBoundingClientRect();
      const selection = [...document.querySelectorAll(".pending-selection")].map((e) => e.textContent).join("");
      return {
        cursorAt,
        cursorTop: c?.top ?? -1,
        cursorBottom: c?.bottom ?? -1,
        targetAt: target.at,
        targetTop: target.rect.top,
        targetBottom: target.rect.bottom,
        pane: document.querySelector(".doc-pane")!.clientHeight,
        selection,
      };
    },
    { word, after },
  );
}

test("keys per labelled span, keyboard only, on a fixed script of ten entities", async ({ page }) => {
  await signIn(page, makeUser("annotator"));
  await page.getByRole("link", { name: DOC_TITLE }).click();
  await page.getByTestId("document-surface").focus();
  let keys = 0;
  const press = async (key: string) => {
    keys++;
    await page.keyboard.press(key);
  };
  await press("Home");
  let after = -1;
  for (const [entity, hotkey] of SCRIPT) {
    const first = entity.split(" ")[0].replace(/\.$/, ""); // "U.N." is found as "U.N" whichever way the words are cut
    let noVertical = false; // a down move overshot (it jumps further than the line): go word by word
    for (let guard = 0; ; guard++) {
      expect(guard, `reaching ${entity}`).toBeLessThan(400);
      const w = await where(page, first, after);
      if (w.cursorAt === w.targetAt) {
        after = w.targetAt;
        break;
      }
      if (w.cursorAt > w.targetAt) {
        noVertical = true;
        await press("ArrowLeft");
      } else if (!noVertical && w.targetTop > w.cursorBottom + 2) {
        const before = w.cursorAt;
        await press(w.targetTop - w.cursorBottom > w.pane * 0.8 ? "PageDown" : "ArrowDown");
        const now = await where(page, first, after);
        if (now.cursorAt === before || now.cursorAt > now.targetAt) noVertical = true; // no move, or past it
      } else await press("ArrowRight");
    }
    // one word: its hotkey labels the word under the cursor; more: Shift+→ until the selection is the entity
    for (let guard = 0; entity.includes(" ") && (await where(page, first, after - 1)).selection !== entity; guard++) {
      expect(guard, `selecting ${entity}`).toBeLessThan(10);
      await press("Shift+ArrowRight");
    }
    await press(hotkey);
    await expect(page.getByTestId("annotation-list")).toContainText(entity);
  }
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved/);
  const perSpan = keys / SCRIPT.length;
  console.log(`keys per labelled span: ${keys} keys for ${SCRIPT.length} spans = ${perSpan.toFixed(1)}`);
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/keys-per-span.json", JSON.stringify({ keys, spans: SCRIPT.length, perSpan }));
});
