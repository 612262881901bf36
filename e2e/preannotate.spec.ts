import { test, expect, type APIRequestContext } from "@playwright/test";
import { makeToken, makeUser } from "./support/factories";
import { signIn } from "./support/session";

const DOC_TITLE = "Iraq Cooperating With Russia, Iran, Syria On Security Issues";
type Suggestion = { id: string; start: number; end: number; label: string; text: string; origin: string };

async function seedDocument(request: APIRequestContext, token: string) {
  const list = await request.get("/api/v1/documents?limit=100", { headers: { authorization: `Bearer ${token}` } });
  const item = ((await list.json()).items as { id: string; title: string }[]).find((d) => d.title === DOC_TITLE);
  if (!item) throw new Error(`seed document "${DOC_TITLE}" not found`);
  const doc = await request.get(`/api/v1/documents/${item.id}`, { headers: { authorization: `Bearer ${token}` } });
  return (await doc.json()) as { id: string; projectId: string; text: string };
}

test("pre-annotate with the built-in model, accept suggestions by keyboard, reject one, export the accepted spans with their origin", async ({
  page,
  browser,
  request,
}) => {
  const admin = makeUser("admin");
  const annotator = makeUser("annotator");
  const adminToken = makeToken(admin.email);
  const annotatorToken = makeToken(annotator.email);
  const doc = await seedDocument(request, adminToken);

  // The admin runs the built-in recognizer over the project and watches it finish.
  await signIn(page, admin);
  await page.goto(`/projects/${doc.projectId}/assist`);
  await expect(page.getByRole("heading", { name: /pre-annotation/ })).toBeVisible();
  await page.getByRole("combobox", { name: "Model", exact: true }).selectOption("builtin");
  await page.getByRole("button", { name: /^Pre-annotate \d+ documents?$/ }).click();
  const job = page.getByTestId("job").first();
  await expect(job.getByTestId("job-progress")).toHaveText(/^(\d+) \/ \1 documents \(100%\)$/, { timeout: 30_000 });
  await expect(job).toContainText("Done");
  await expect(job).toContainText(/\d+ new suggestions/);
  await page.screenshot({ path: "e2e/screenshots/preannotate-1360.png", fullPage: true });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: "e2e/screenshots/preannotate-1024.png" });

  // The annotator sees the suggestions drawn in the text, dotted.
  const a = await browser.newPage();
  await signIn(a, annotator);
  const open = async () =>
    (await (await request.get(`/api/v1/documents/${doc.id}/model-suggestions`, { headers: { authorization: `Bearer ${annotatorToken}` } })).json())
      .items as Suggestion[];
  const suggestions = await open();
  expect(suggestions.length).toBeGreaterThan(3);
  const [first, second, third] = suggestions;
  await a.goto(`/documents/${doc.id}`);
  const panel = a.getByRole("region", { name: "Model suggestions" });
  await expect(panel.getByRole("heading")).toHaveText(`Model suggestions (${suggestions.length})`);
  await expect(a.locator(".mark.model-suggestion").first()).toBeVisible();
  await a.screenshot({ path: "e2e/screenshots/model-suggestions-1360.png" });

  // a on a suggestion accepts it; x rejects; the list shrinks
  const mark = (s: Suggestion) => a.locator(`.mark.model-suggestion[data-mark-id="${s.id}"]`).first();
  await expect(mark(first)).toHaveAttribute("data-tag", `${first.label}?`); // the suggested label is drawn after the words
  await mark(first).click();
  await expect(a.getByTestId("current-model-suggestion")).toContainText(first.text);
  await a.keyboard.press("a");
  await expect(panel.getByRole("heading")).toHaveText(`Model suggestions (${suggestions.length - 1})`);
  await expect(a.getByTestId("annotation-list")).toContainText(first.text);
  await mark(second).click();
  await a.keyboard.press("a");
  await expect(panel.getByRole("heading")).toHaveText(`Model suggestions (${suggestions.length - 2})`);
  await mark(third).click();
  await a.keyboard.press("x");
  await expect(panel.getByRole("heading")).toHaveText(`Model suggestions (${suggestions.length - 3})`);
  await expect(a.getByText(`Rejected “${third.text}” as ${third.label}.`)).toBeVisible();

  // Labelling a suggested word by hand with the same label answers it too: it leaves the list at once.
  const chars = [...doc.text];
  const wholeWord = (s: Suggestion) =>
    /^\p{L}+$/u.test(s.text) && !/[\p{L}\p{N}'’.]/u.test(chars[s.end] ?? " ") && !/[\p{L}\p{N}]/u.test(chars[s.start - 1] ?? " ");
  const byHand = suggestions.slice(3).find((s) => wholeWord(s) && ["PERSON", "ORG", "GPE", "NORP", "DATE"].includes(s.label));
  expect(byHand, "a one-word suggestion to label by hand").toBeDefined();
  const hotkey = await a.getByRole("toolbar", { name: "Labels" }).locator(`button:has-text("${byHand!.label}")`).first().getAttribute("aria-keyshortcuts");
  expect(hotkey).toMatch(/^[1-9]$/);
  await mark(byHand!).click();
  await a.keyboard.press(hotkey!);
  await expect(panel.getByRole("heading")).toHaveText(`Model suggestions (${suggestions.length - 4})`);
  await expect(a.locator(`.mark.model-suggestion[data-mark-id="${byHand!.id}"]`)).toHaveCount(0);

  await a.setViewportSize({ width: 1024, height: 700 });
  await a.screenshot({ path: "e2e/screenshots/model-suggestions-1024.png" });

  // The export carries the accepted spans in the annotator's layer, each with its origin; the rejected one is not proposed again.
  const res = await request.get(`/api/v1/export?layer=annotator:${annotator.email}&status=all&manifest=none`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  expect(res.status()).toBe(200);
  const record = (await res.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { id: string; spans: { start: number; end: number; label: string; origin: string | null }[] })
    .find((r) => r.id === doc.id)!;
  expect(record.spans.map((s) => `${s.start}-${s.end}:${s.label}:${s.origin}`).sort()).toEqual(
    [...[first, second].map((s) => `${s.start}-${s.end}:${s.label}:${s.origin}`), `${byHand!.start}-${byHand!.end}:${byHand!.label}:null`].sort(),
  );
  expect(first.origin).toMatch(/^builtin:/);
  expect((await open()).some((s) => s.id === third.id)).toBe(false);
});
