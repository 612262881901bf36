/**
 * Drives Chromium through the real pages (and the plain TipTap baseline) and
 * collects what lib/bench/page-probe.ts times in the page: navigation to
 * the first painted frame, DOM size, JS heap after GC, edits, cursor moves
 * and scrolling. One fresh browser context per page load.
 */
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { findChromium, INSTALL_HINT } from "@/lib/ops/find-browser";
import type { Expect, Timing, Trigger } from "./page-probe";

export const VIEWPORT = { width: 1360, height: 860 };

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  return chromium.launch({ executablePath, args: ["--js-flags=--expose-gc", "--enable-precise-memory-info"] });
}

export type ReadyConfig = { spans: boolean; overlays: boolean };

/** A fresh context whose pages carry the probe from their first script on. */
export async function probedPage(browser: Browser, probe: string, ready: ReadyConfig): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: `window.__benchConfig=${JSON.stringify(ready)};\n${probe}` });
  const page = await context.newPage();
  return { context, page };
}

/** Calls a method of the in-page probe. */
async function probe<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([m, a]) => (window as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench[m as string](...(a as unknown[])), [
    method,
    args,
  ] as const) as Promise<T>;
}

/** Signs in through the sign-in page's form. */
export async function signIn(page: Page, origin: string, user: { email: string; password: string }) {
  await page.goto(`${origin}/signin`);
  await page.fill("#email", user.email);
  await page.fill("#password", user.password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/signin"), { timeout: 60_000 }), page.click("button[type=submit]")]);
}

export type LoadResult = {
  readyMs: number;
  readyRafMs: number;
  nodes: number;
  heapBytes: number;
  spansInDom: number;
  overlaysInDom: number;
  paragraphs: number;
  responseStartMs: number | null;
};

/** Navigates, waits for the probe's "ready", lets the page settle, then counts DOM nodes and the JS heap after GC. */
export async function measureLoad(page: Page, url: string, opts: { settleMs: number; timeoutMs: number }): Promise<LoadResult> {
  await page.goto(url, { waitUntil: "commit", timeout: opts.timeoutMs });
  const ready = await Promise.race([
    probe<Timing>(page, "ready"),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${url}: not ready (text and spans painted) within ${opts.timeoutMs} ms`)), opts.timeoutMs),
    ),
  ]);
  await page.waitForTimeout(opts.settleMs);
  const stats = await probe<{ nodes: number; spans: number; overlays: number; paragraphs: number }>(page, "stats");
  const nav = await probe<{ responseStart: number } | null>(page, "navigation");
  return {
    readyMs: ready.ms,
    readyRafMs: ready.rafMs,
    nodes: stats.nodes,
    spansInDom: stats.spans,
    overlaysInDom: stats.overlays,
    paragraphs: stats.paragraphs,
    heapBytes: await heapAfterGc(page),
    responseStartMs: nav?.responseStart ?? null,
  };
}

/** JS heap in use after garbage collection (gc() from --expose-gc, then CDP's collectGarbage and getHeapUsage). */
export async function heapAfterGc(page: Page): Promise<number> {
  await probe(page, "collect");
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const usage = await cdp.send("Runtime.getHeapUsage");
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}

async function timed(page: Page, trigger: Trigger, expect: Expect, act: () => Promise<void>, what: string): Promise<Timing> {
  await probe(page, "arm", trigger, expect);
  await act();
  const out = await probe<Timing | { timeout: true; started: boolean }>(page, "result", 10_000);
  if ("timeout" in out)
    throw new Error(
      `${what}: the expected change (${JSON.stringify(expect)}) was not seen within 10 s${out.started ? "" : " (the triggering event never arrived)"}`,
    );
  return out;
}

async function waitSaved(page: Page) {
  const deadline = Date.now() + 20_000;
  while (!(await probe<boolean>(page, "saved"))) {
    if (Date.now() > deadline) throw new Error("edits: the save state did not come back to saved within 20 s");
    await page.waitForTimeout(50);
  }
}

export type EditSamples = { picker: number[]; add: number[]; popover: number[]; relabel: number[]; delete: number[]; undo: number[] };

/**
 * Edit cycles on spans near the top of the view: select a free word with the
 * mouse → label picker → hotkey 1 (new span); click it → popover → hotkey 2
 * (relabel); click it → Delete; Ctrl+Z (it comes back). Waits for the save
 * between steps (not timed).
 */
export async function measureEdits(page: Page, cycles: number, pause: number): Promise<EditSamples> {
  const out: EditSamples = { picker: [], add: [], popover: [], relabel: [], delete: [], undo: [] };
  for (let i = 0; i < cycles; i++) {
    const word = await probe<{ x1: number; x2: number; y: number; word: string } | null>(page, "freeWord");
    if (!word) throw new Error("edits: no free word in view to select");
    await page.mouse.move(word.x1, word.y);
    await page.mouse.down();
    await page.mouse.move(word.x2, word.y, { steps: 4 });
    out.picker.push(
      (
        await timed(
          page,
          { type: "mouseup" },
          { type: "selector", selector: "[data-testid=label-picker]" },
          () => page.mouse.up(),
          "label picker after a mouse selection",
        )
      ).ms,
    );
    await page.waitForTimeout(pause);
    const added = await timed(
      page,
      { type: "keydown", key: "1" },
      { type: "added-ann", text: word.word },
      () => page.keyboard.press("1"),
      "new span with hotkey 1",
    );
    out.add.push(added.ms);
    const id = added.detail!;
    await waitSaved(page);
    await page.waitForTimeout(pause);

    const click = async () => {
      const at = await probe<{ x: number; y: number } | null>(page, "spanCenter", id);
      if (!at) throw new Error(`edits: span ${id} is not on the page`);
      out.popover.push(
        (
          await timed(
            page,
            { type: "mouseup" },
            { type: "selector", selector: "[data-testid=annotation-popover]" },
            () => page.mouse.click(at.x, at.y),
            "popover after a click",
          )
        ).ms,
      );
      await page.waitForTimeout(pause);
    };
    await click();
    out.relabel.push(
      (await timed(page, { type: "keydown", key: "2" }, { type: "label", id, label: "ORG" }, () => page.keyboard.press("2"), "relabel with hotkey 2")).ms,
    );
    await waitSaved(page);
    await page.waitForTimeout(pause);
    await click();
    out.delete.push((await timed(page, { type: "keydown", key: "Delete" }, { type: "gone", id }, () => page.keyboard.press("Delete"), "delete")).ms);
    await waitSaved(page);
    await page.waitForTimeout(pause);
    out.undo.push((await timed(page, { type: "keydown", key: "z" }, { type: "present", id }, () => page.keyboard.press("Control+z"), "undo")).ms);
    await waitSaved(page);
    await page.waitForTimeout(pause);
  }
  return out;
}

/** Keyboard cursor: by word (ArrowRight) then by line (ArrowDown), each press timed to the moved `.kbd-cursor` painted. */
export async function measureCursor(page: Page, presses: number, pause: number): Promise<{ word: number[]; line: number[] }> {
  if (!(await probe<boolean>(page, "focusSurface"))) throw new Error("cursor: could not focus [data-testid=document-surface]");
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowRight"); // places the cursor (untimed)
  await page.waitForSelector(".kbd-cursor");
  await page.waitForTimeout(pause);
  const word: number[] = [];
  const line: number[] = [];
  for (let i = 0; i < presses; i++) {
    word.push(
      (await timed(page, { type: "keydown", key: "ArrowRight" }, { type: "cursor-moved" }, () => page.keyboard.press("ArrowRight"), "cursor by word")).ms,
    );
    await page.waitForTimeout(pause);
  }
  for (let i = 0; i < presses; i++) {
    line.push(
      (await timed(page, { type: "keydown", key: "ArrowDown" }, { type: "cursor-moved" }, () => page.keyboard.press("ArrowDown"), "cursor by line")).ms,
    );
    await page.waitForTimeout(pause);
  }
  return { word, line };
}

/**
 * Jumps the `.doc-pane` to the middle and to the end (and back to the top,
 * untimed), timing until spans in view are painted: `[data-ann-id]`, or on
 * the review page also `[data-overlay-id]` (gold may have nothing there).
 */
export async function measureScroll(page: Page, repeats: number, pause: number, selector: string): Promise<{ middle: number[]; end: number[] }> {
  const middle: number[] = [];
  const end: number[] = [];
  const jump = async (fraction: number, what: string) => {
    await probe(page, "scrollTo", fraction, selector);
    const out = await probe<Timing | { timeout: true }>(page, "result", 10_000);
    if ("timeout" in out) throw new Error(`scroll to ${what}: no span drawn in view within 10 s: ${JSON.stringify(await probe(page, "scrollState"))}`);
    await page.waitForTimeout(pause);
    return out.ms;
  };
  for (let i = 0; i < repeats; i++) {
    middle.push(await jump(0.5, "the middle"));
    end.push(await jump(1, "the end"));
    await jump(0, "the top");
  }
  return { middle, end };
}

/** Session cookies of a signed-in context, as a Cookie header for the server measurements. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** On the plain page: ArrowRight toggles one class (lib/bench/plain-tiptap-entry.ts); the floor of the interaction figures. */
export async function measureFloor(page: Page, presses: number, pause: number): Promise<number[]> {
  await page.focus("[data-testid=plain-surface]");
  const out: number[] = [];
  for (let i = 0; i < presses; i++) {
    const on = i % 2 === 0;
    const expect: Expect = on ? { type: "selector", selector: ".bench-tick" } : { type: "no-selector", selector: ".bench-tick" };
    out.push((await timed(page, { type: "keydown", key: "ArrowRight" }, expect, () => page.keyboard.press("ArrowRight"), "class toggle on the plain page")).ms);
    await page.waitForTimeout(pause);
  }
  return out;
}
