/**
 * Runs in the browser, injected before any page script (bundled by the bench
 * and given to Playwright's addInitScript): times what the user sees.
 *
 * Every figure ends at "painted": the first animation frame after the
 * expected DOM change is seen (by a MutationObserver, or by a per-frame check
 * for what only layout reveals), then the task that follows that frame, i.e.
 * once its style, layout and paint work are done. `rafMs` is the same figure
 * ending at that animation frame's callback.
 *
 * - ready: from navigation start (performance.now() is 0 there) to painted
 *   text in `.doc-text` (and, where asked, a `[data-ann-id]` / `[data-overlay-id]`).
 * - interactions: from the trigger event's timeStamp, recorded by a
 *   capture-phase listener on window (keydown, mousedown or mouseup), or from
 *   the moment of arming ("now": scrolling).
 */
type ReadyConfig = { spans: boolean; overlays: boolean };
export type Trigger = { type: "keydown"; key: string } | { type: "mousedown" } | { type: "mouseup" } | { type: "now" };
export type Expect =
  | { type: "added-ann"; text?: string }
  | { type: "label"; id: string; label: string }
  | { type: "gone"; id: string }
  | { type: "present"; id: string }
  | { type: "cursor-moved" }
  | { type: "in-view"; selector: string }
  | { type: "selector"; selector: string }
  | { type: "no-selector"; selector: string };
export type Timing = { ms: number; rafMs: number; seenMs: number; detail: string | null };
type Pending = {
  trigger: Trigger;
  expect: Expect;
  t0: number | null;
  known: Set<string>;
  cursor: string | null;
  detail: string | null;
  seen: boolean;
  observer: MutationObserver;
  done: Promise<Timing>;
  resolve: (t: Timing) => void;
};

const w = window as unknown as { __benchConfig?: ReadyConfig; __bench?: unknown };
const config: ReadyConfig = w.__benchConfig ?? { spans: false, overlays: false };

/** The first frame after now, then the task after that frame's rendering work. */
function afterPaint(t0: number, seenAt: number, alreadyInFrame: boolean, detail: string | null): Promise<Timing> {
  return new Promise((resolve) => {
    const inFrame = () => {
      const raf = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ ms: performance.now() - t0, rafMs: raf - t0, seenMs: seenAt - t0, detail });
      channel.port2.postMessage(0);
    };
    if (alreadyInFrame) inFrame();
    else requestAnimationFrame(inFrame);
  });
}

// ---- page ready ----------------------------------------------------------

function readyNow(): boolean {
  const root = document.querySelector(".doc-text");
  if (!root) return false;
  const p = root.querySelector("p");
  if (!p || !p.textContent) return false;
  if (config.spans && !document.querySelector("[data-ann-id]")) return false;
  if (config.overlays && !document.querySelector("[data-overlay-id]")) return false;
  return true;
}

const ready = new Promise<Timing>((resolve) => {
  let fired = false;
  const fire = (inFrame: boolean) => {
    if (fired || !readyNow()) return;
    fired = true;
    observer.disconnect();
    const seen = performance.now();
    void afterPaint(0, seen, inFrame, null).then(resolve);
  };
  const observer = new MutationObserver(() => fire(false));
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["class", "data-ann-id", "data-overlay-id"],
  });
  const poll = () => {
    fire(true);
    if (!fired) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
});

// ---- interactions ----------------------------------------------------------

/** the measurement waiting for its trigger or its change */
let pending: Pending | null = null;
/** the last one armed, done or not: what result() reports */
let armed: Pending | null = null;

const annIds = () => new Set(Array.from(document.querySelectorAll<HTMLElement>("[data-ann-id]"), (e) => e.dataset.annId!));

function paneRect(): DOMRect {
  const pane = document.querySelector(".doc-pane");
  return pane ? pane.getBoundingClientRect() : new DOMRect(0, 0, innerWidth, innerHeight);
}

function cursorSignature(): string | null {
  const c = document.querySelector(".kbd-cursor");
  if (!c) return null;
  const r = c.getBoundingClientRect();
  const pane = document.querySelector(".doc-pane");
  return `${Math.round(r.left)}:${Math.round(r.top + (pane?.scrollTop ?? 0))}:${c.textContent}`;
}

/** Whether the expected change is there; sets p.detail to what was found. */
function satisfied(p: Pending): boolean {
  const e = p.expect;
  switch (e.type) {
    case "added-ann": {
      for (const el of document.querySelectorAll<HTMLElement>("[data-ann-id]")) {
        if (!p.known.has(el.dataset.annId!) && (e.text === undefined || el.textContent === e.text)) {
          p.detail = el.dataset.annId!;
          return true;
        }
      }
      return false;
    }
    case "label":
      return document.querySelector<HTMLElement>(`[data-ann-id="${CSS.escape(e.id)}"]`)?.dataset.label === e.label;
    case "gone":
      return !document.querySelector(`[data-ann-id="${CSS.escape(e.id)}"]`);
    case "present":
      return !!document.querySelector(`[data-ann-id="${CSS.escape(e.id)}"]`);
    case "selector":
      return !!document.querySelector(e.selector);
    case "no-selector":
      return !document.querySelector(e.selector);
    case "cursor-moved": {
      const now = cursorSignature();
      return now !== null && now !== p.cursor;
    }
    case "in-view": {
      const view = paneRect();
      for (const el of document.querySelectorAll(e.selector)) {
        const r = el.getBoundingClientRect();
        if (r.bottom > view.top && r.top < view.bottom && r.width > 0) {
          p.detail = String(Math.round(r.top - view.top));
          return true;
        }
      }
      return false;
    }
  }
}

function check(p: Pending, inFrame: boolean) {
  if (p !== pending || p.t0 === null || p.seen) return;
  if (!satisfied(p)) return;
  p.seen = true;
  p.observer.disconnect();
  const t0 = p.t0;
  void afterPaint(t0, performance.now(), inFrame, p.detail).then((t) => {
    if (pending === p) pending = null;
    p.resolve(t);
  });
}

function framePoll(p: Pending) {
  if (p !== pending || p.seen) return;
  check(p, true);
  requestAnimationFrame(() => framePoll(p));
}

function start(p: Pending, t0: number) {
  if (p.t0 !== null) return;
  p.t0 = t0;
  // a change made inside the event handler itself is seen by the observer; a layout-only one by the frame check
  requestAnimationFrame(() => framePoll(p));
}

for (const type of ["keydown", "mousedown", "mouseup"] as const) {
  window.addEventListener(
    type,
    (ev) => {
      const p = pending;
      if (!p || p.t0 !== null || p.trigger.type !== type) return;
      if (p.trigger.type === "keydown" && (ev as KeyboardEvent).key !== p.trigger.key) return;
      start(p, ev.timeStamp);
    },
    { capture: true },
  );
}

function arm(trigger: Trigger, expect: Expect) {
  let resolve!: (t: Timing) => void;
  const done = new Promise<Timing>((r) => (resolve = r));
  const p: Pending = {
    trigger,
    expect,
    t0: null,
    known: expect.type === "added-ann" ? annIds() : new Set(),
    cursor: expect.type === "cursor-moved" ? cursorSignature() : null,
    detail: null,
    seen: false,
    observer: new MutationObserver(() => check(p, false)),
    done,
    resolve,
  };
  p.observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  if (pending) pending.observer.disconnect();
  pending = p;
  armed = p;
  if (trigger.type === "now") start(p, performance.now());
}

async function result(timeoutMs: number): Promise<Timing | { timeout: true; expect: string; started: boolean }> {
  const p = armed;
  if (!p) throw new Error("bench probe: nothing armed");
  armed = null;
  const timeout = new Promise<{ timeout: true; expect: string; started: boolean }>((r) =>
    setTimeout(() => r({ timeout: true, expect: JSON.stringify(p.expect), started: p.t0 !== null }), timeoutMs),
  );
  const out = await Promise.race([p.done, timeout]);
  if ("timeout" in out) {
    p.observer.disconnect();
    if (pending === p) pending = null;
  }
  return out;
}

// ---- helpers for the driver -------------------------------------------------

const used = new Set<string>();

/**
 * Where to drag the mouse to select a whole word in view that no span covers:
 * client coordinates just inside its first and last letter.
 */
function freeWord(): { x1: number; x2: number; y: number; word: string } | null {
  const root = document.querySelector(".doc-text");
  if (!root) return null;
  const view = paneRect();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || parent.closest("[data-ann-id],[data-overlay-id],[data-mark-key],.kbd-cursor,.pending-selection")) continue;
    const re = /(?<![\p{L}\p{N}])[A-Za-z]{6,12}(?![\p{L}\p{N}’'-])/gu;
    for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = range.getClientRects();
      if (rects.length !== 1) continue;
      const r = rects[0];
      if (r.top < view.top + 60 || r.bottom > view.bottom - 160 || r.left < view.left + 10) continue;
      const key = `${Math.round(r.left)}:${Math.round(r.top + (document.querySelector(".doc-pane")?.scrollTop ?? 0))}`;
      if (used.has(key)) continue;
      used.add(key);
      return { x1: r.left + 1, x2: r.right - 1, y: r.top + r.height / 2, word: m[0] };
    }
  }
  return null;
}

/** Centre of the first box of a span of the edited layer. */
function spanCenter(id: string): { x: number; y: number } | null {
  const el = document.querySelector(`[data-ann-id="${CSS.escape(id)}"]`);
  if (!el) return null;
  const r = el.getClientRects()[0];
  return r ? { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 } : null;
}

/** Scrolls the workbench's pane to a fraction of its height and times until spans (matching selector) in view are drawn. */
function scrollTo(fraction: number, selector: string) {
  const pane = document.querySelector(".doc-pane") as HTMLElement | null;
  if (!pane) throw new Error("bench probe: no .doc-pane");
  arm({ type: "now" }, { type: "in-view", selector });
  pane.scrollTop = fraction * (pane.scrollHeight - pane.clientHeight);
}

/** What the pane shows, for error messages. */
function scrollState() {
  const pane = document.querySelector(".doc-pane") as HTMLElement | null;
  const view = paneRect();
  const boxes = Array.from(document.querySelectorAll("[data-ann-id],[data-overlay-id]"), (e) => e.getBoundingClientRect());
  return {
    scrollTop: pane?.scrollTop,
    scrollHeight: pane?.scrollHeight,
    clientHeight: pane?.clientHeight,
    view: [Math.round(view.top), Math.round(view.bottom)],
    drawn: boxes.length,
    firstTop: boxes.length ? Math.round(Math.min(...boxes.map((b) => b.top))) : null,
    lastBottom: boxes.length ? Math.round(Math.max(...boxes.map((b) => b.bottom))) : null,
  };
}

function stats() {
  return {
    nodes: document.getElementsByTagName("*").length,
    spans: document.querySelectorAll("[data-ann-id]").length,
    overlays: document.querySelectorAll("[data-overlay-id]").length,
    paragraphs: document.querySelector(".doc-text")?.childElementCount ?? 0,
  };
}

function navigation() {
  const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  return nav
    ? {
        requestStart: nav.requestStart,
        responseStart: nav.responseStart,
        responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
      }
    : null;
}

/** The save state says everything is saved. */
function saved(): boolean {
  const el = document.querySelector("[data-testid=save-status]");
  return !!el && (/(^|\s)saved(\s|$)/.test(el.className) || (el.textContent ?? "").includes("All changes saved"));
}

function focusSurface() {
  (document.querySelector("[data-testid=document-surface]") as HTMLElement | null)?.focus({ preventScroll: true });
  return !!document.activeElement?.matches("[data-testid=document-surface]");
}

/** gc() where Chromium exposes it (--js-flags=--expose-gc). */
function collect() {
  const gc = (window as unknown as { gc?: () => void }).gc;
  if (gc) gc();
  return !!gc;
}

w.__bench = { ready: () => ready, scrollState, arm, result, freeWord, spanCenter, scrollTo, stats, navigation, saved, focusSurface, collect };
