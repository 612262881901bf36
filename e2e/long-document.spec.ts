/**
 * Correctness at scale: a document of over 20,000 words with 2,000 imported
 * spans (nested, overlapping, astral characters before and inside them near the
 * end). At the end of it the annotator adds a span by mouse and one by
 * keyboard, relabels one and deletes one; the changes survive a reload and the
 * native export holds exactly the expected spans, each one's text equal to the
 * code point slice of the document text.
 */
import { test, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { makeToken, makeUser } from "./support/factories";
import { signIn } from "./support/session";
import { dragSelect } from "./support/text";
import { longDocument, LONG_DOC_FINAL, type LongSpan } from "./support/long-document";

/** A span's hover text: "LABEL: text", then the label's description on the next line when it has one. */
const spanTitle = (label: string, text: string) => new RegExp(`^${`${label}: ${text}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\n|$)`);

const PROJECT = "iraq-intel-2015";

type ExportSpan = LongSpan & { id: string; layer: string; annotator: { id: string; name: string } | null };
type ExportRecord = { id: string; title: string; text: string; spans: ExportSpan[] };

/** Code point range of the only occurrence of `needle`. */
function cpRange(text: string, needle: string) {
  const u = text.indexOf(needle);
  expect(u, `"${needle}" in the document`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(needle, u + 1), `"${needle}" only once`).toBe(-1);
  const start = Array.from(text.slice(0, u)).length;
  return { start, end: start + Array.from(needle).length, utf16Start: u };
}

const key = (s: { start: number; end: number; label: string; text: string }) => `${s.start}-${s.end} ${s.label} ${JSON.stringify(s.text)}`;

/**
 * The spans drawn with this label and text, as the text each one covers. A span that overlaps
 * another, or the keyboard cursor, is drawn in several pieces carrying the same id.
 */
async function drawnSpans(page: Page, label: string, text: string): Promise<string[]> {
  return page
    .locator(".doc-text")
    .getByTitle(spanTitle(label, text))
    .evaluateAll((els) => {
      const byId = new Map<string, string>();
      for (const el of els) {
        const id = (el as HTMLElement).dataset.annId!;
        byId.set(id, (byId.get(id) ?? "") + el.textContent);
      }
      return [...byId.values()];
    });
}

async function scrollToEnd(page: Page) {
  const pane = page.locator(".doc-pane");
  await pane.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect.poll(() => pane.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2)).toBe(true);
}

test("a 20,000-word document with 2,000 spans: add by mouse and keyboard, relabel and delete at the end; reload and export agree to the code point", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const lap = (name: string) => {
    timings[name] = Date.now() - mark;
    mark = Date.now();
  };

  const doc = longDocument(randomBytes(4).toString("hex"));
  expect(doc.words).toBeGreaterThanOrEqual(20_000);
  expect(doc.spans).toHaveLength(2000);
  const mouse = cpRange(doc.text, LONG_DOC_FINAL.mouse);
  const keyboard = cpRange(doc.text, LONG_DOC_FINAL.keyboard);
  const relabeled = cpRange(doc.text, LONG_DOC_FINAL.relabel);
  const removed = cpRange(doc.text, LONG_DOC_FINAL.remove);
  // Astral characters before the spans worked on: JavaScript's indices are not the contract's there.
  expect(mouse.utf16Start).toBeGreaterThan(mouse.start);
  expect(keyboard.utf16Start - keyboard.start).toBeGreaterThan(mouse.utf16Start - mouse.start);

  // Import through the API into a fresh annotator's own layer.
  const admin = makeUser("admin");
  const annotator = makeUser("annotator");
  const adminToken = makeToken(admin.email);
  const line = JSON.stringify({ title: doc.title, text: doc.text, meta: { outlet: "E2E wire" }, spans: doc.spans });
  const imported = await request.post(
    `/api/v1/import?format=native&mode=all-or-nothing&project=${PROJECT}&into=${encodeURIComponent(`annotator:${annotator.email}`)}&filename=long.jsonl`,
    { headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/x-ndjson" }, data: Buffer.from(line + "\n") },
  );
  expect(imported.status(), await imported.text()).toBe(200);
  const summary = (await imported.json()) as { documents: number; spans: number; created: { id: string }[]; errors: unknown[] };
  expect(summary).toMatchObject({ documents: 1, spans: 2000, errors: [] });
  const documentId = summary.created[0].id;
  lap("import");

  await signIn(page, annotator);
  lap("sign in");
  const status = page.getByTestId("save-status");
  const count = page.getByRole("heading", { name: /^My spans/ });
  const surface = page.getByTestId("document-surface");
  const title = (label: string, text: string) => page.locator(".doc-text").getByTitle(spanTitle(label, text));
  const drawn = (label: string, text: string) => expect.poll(() => drawnSpans(page, label, text));
  await page.goto(`/documents/${documentId}`);
  lap("page load (goto)");
  // Where the page load's time went (the server's render is in firstByte).
  const firstLoad = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return {
      firstByte: Math.round(n.responseStart),
      lastByte: Math.round(n.responseEnd),
      domContentLoaded: Math.round(n.domContentLoadedEventEnd),
      load: Math.round(n.loadEventEnd),
    };
  });
  await expect(page.getByRole("heading", { name: doc.title })).toBeVisible();
  await expect(page.locator(".doc-text")).toContainText(LONG_DOC_FINAL.mouse);
  await expect(count).toHaveText(/My spans\s*2000$/);
  lap("open");

  // The end of the text: its spans are drawn there, nested and overlapping ones included.
  await scrollToEnd(page);
  await expect(title("PERSON", LONG_DOC_FINAL.relabel)).toBeVisible();
  await expect(page.locator('.doc-text [title^="ORG: Kurdistan Regional Government"] [title^="GPE: Kurdistan"]')).toHaveText("Kurdistan");
  await page.screenshot({ path: "e2e/screenshots/long-document-end.png" });
  // The last body paragraph: LOC "northern 🛰️ border" and FAC "border crossing" share "border".
  await expect(title("LOC", "northern 🛰️ border").last()).toBeVisible();
  expect(await drawnSpans(page, "LOC", "northern 🛰️ border")).toContain("northern 🛰️ border");
  await expect(title("FAC", "border crossing").last()).toBeVisible();
  const either = ":is([data-label=LOC], [data-label=FAC])";
  await expect(page.locator(`.doc-text ${either} ${either}`).last()).toHaveText("border");
  lap("scroll to end");

  // 1. Mouse selection + hotkey 2 (ORG).
  await dragSelect(page, LONG_DOC_FINAL.mouse);
  await expect(page.getByTestId("label-picker")).toContainText(LONG_DOC_FINAL.mouse);
  await page.keyboard.press("2");
  await drawn("ORG", LONG_DOC_FINAL.mouse).toEqual([LONG_DOC_FINAL.mouse]);

  // 2. Keyboard: End → last word, two words back, Shift+→ to extend, 3 (GPE).
  await surface.focus();
  await page.keyboard.press("End");
  await expect(page.locator(".kbd-cursor")).toHaveText(LONG_DOC_FINAL.lastWord);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator(".kbd-cursor")).toHaveText("Erbil");
  await page.keyboard.press("Shift+ArrowRight");
  await expect(page.getByTestId("label-picker")).toContainText(LONG_DOC_FINAL.keyboard);
  await page.keyboard.press("3");
  await drawn("GPE", LONG_DOC_FINAL.keyboard).toEqual([LONG_DOC_FINAL.keyboard]);

  // 3. Relabel: click the span, pick NORP in the popover.
  await title("PERSON", LONG_DOC_FINAL.relabel).first().click();
  const popover = page.getByTestId("annotation-popover");
  await popover.getByLabel(`Label of ${LONG_DOC_FINAL.relabel}`).selectOption("NORP");
  await drawn("NORP", LONG_DOC_FINAL.relabel).toEqual([LONG_DOC_FINAL.relabel]);
  await expect(title("PERSON", LONG_DOC_FINAL.relabel)).toHaveCount(0);

  // 4. Delete: click the span, then the Delete key.
  await title("PERSON", LONG_DOC_FINAL.remove).first().click();
  await expect(popover).toContainText(LONG_DOC_FINAL.remove);
  await page.keyboard.press("Delete");
  await expect(title("PERSON", LONG_DOC_FINAL.remove)).toHaveCount(0);

  await expect(count).toHaveText(/My spans\s*2001$/);
  await expect(page.locator(".doc-text .ann.unsaved")).toHaveCount(0, { timeout: 30_000 });
  await expect(status).toHaveText(/All changes saved/, { timeout: 30_000 });
  lap("four edits saved");

  // Reload: the changes are the server's.
  await page.reload();
  await expect(page.locator(".doc-text")).toContainText(LONG_DOC_FINAL.mouse);
  await expect(count).toHaveText(/My spans\s*2001$/);
  await scrollToEnd(page);
  await drawn("ORG", LONG_DOC_FINAL.mouse).toEqual([LONG_DOC_FINAL.mouse]);
  await drawn("GPE", LONG_DOC_FINAL.keyboard).toEqual([LONG_DOC_FINAL.keyboard]);
  await drawn("NORP", LONG_DOC_FINAL.relabel).toEqual([LONG_DOC_FINAL.relabel]);
  await expect(title("PERSON", LONG_DOC_FINAL.relabel)).toHaveCount(0);
  await expect(page.locator(".doc-text").getByTitle(LONG_DOC_FINAL.remove)).toHaveCount(0);
  await expect(status).toHaveText(/All changes saved/);
  lap("reload");

  // The native export of this annotator's layer.
  const res = await request.get(
    `/api/v1/export?format=native&project=${PROJECT}&layer=${encodeURIComponent(`annotator:${annotator.email}`)}&status=all&manifest=none&agreement=false`,
    { headers: { authorization: `Bearer ${adminToken}` } },
  );
  expect(res.status()).toBe(200);
  const body = await res.text();
  lap("export request");
  const records = body
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as ExportRecord);
  const record = records.find((r) => r.id === documentId);
  expect(record, "the long document in the export").toBeTruthy();
  expect(record!.text).toBe(doc.text);
  // Every span of the document (checked in plain code, reported at once: 2,000 expect() calls would each be a traced step).
  const chars = Array.from(record!.text);
  const wrong = record!.spans
    .filter((s) => s.layer !== "annotator" || s.annotator?.name !== annotator.name || chars.slice(s.start, s.end).join("") !== s.text)
    .map((s) => ({ ...s, slice: chars.slice(s.start, s.end).join("") }));
  expect(wrong, "spans whose text is not text[start:end] in code points, or not of this annotator's layer").toEqual([]);
  expect(record!.spans).toHaveLength(2000 + 2 - 1);
  const expected = doc.spans
    .filter((s) => !(s.start === removed.start && s.end === removed.end))
    .map((s) => (s.start === relabeled.start && s.end === relabeled.end ? { ...s, label: "NORP" } : s))
    .concat([
      { start: mouse.start, end: mouse.end, label: "ORG", text: LONG_DOC_FINAL.mouse },
      { start: keyboard.start, end: keyboard.end, label: "GPE", text: LONG_DOC_FINAL.keyboard },
    ]);
  expect(record!.spans.map(key).sort()).toEqual(expected.map(key).sort());
  const relabeledSpan = record!.spans.find((s) => s.text === LONG_DOC_FINAL.relabel);
  expect(relabeledSpan).toMatchObject({ start: relabeled.start, end: relabeled.end, label: "NORP" });
  lap("export checks");

  const total = Object.values(timings).reduce((a, b) => a + b, 0);
  console.log(`long document timings (ms): ${JSON.stringify(timings)}, total ${total}; navigation timing of the first load: ${JSON.stringify(firstLoad)}`);
  await test.info().attach("timings", { body: JSON.stringify({ ...timings, total, firstLoad }, null, 2), contentType: "application/json" });
});
