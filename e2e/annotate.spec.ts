import { test, expect } from "@playwright/test";
import { makeUser, makeToken } from "./support/factories";
import { dragSelect } from "./support/text";
import { signIn } from "./support/session";

const DOC_TITLE = "Iraq, Russia, Iran and Syria to share intelligence on Daesh";

test("the sign-in form refuses a wrong password and admits the right one", async ({ page }) => {
  const user = makeUser("annotator");
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password")).toBeVisible();
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();
  await expect(page.getByRole("link", { name: DOC_TITLE })).toBeVisible();
});

test("annotate two spans by mouse and one by keyboard; they survive a reload and come out in the export", async ({ page, request }) => {
  const annotator = makeUser("annotator");
  await signIn(page, annotator);
  await page.getByRole("link", { name: DOC_TITLE }).click();
  await expect(page.getByRole("heading", { name: DOC_TITLE })).toBeVisible();
  const surface = page.getByTestId("document-surface");
  const list = page.getByTestId("annotation-list");

  // 1. Mouse: a selection that cuts "Lavrov" short snaps to the whole name; hotkey 1 = PERSON.
  await dragSelect(page, "Sergey V. Lavro");
  await expect(page.getByTestId("label-picker")).toContainText("Sergey V. Lavrov");
  await page.keyboard.press("1");
  await expect(list.getByRole("button", { name: /PERSON\s+Sergey V\. Lavrov/ })).toBeVisible();

  // 2. Mouse: pick the label from the picker with a click.
  await dragSelect(page, "Baghdad");
  await page.getByTestId("label-picker").getByRole("button", { name: "GPE" }).click();
  await expect(list.getByRole("button", { name: /GPE\s+Baghdad/ })).toBeVisible();

  // 3. Keyboard only: to the first word, then word by word to "Daesh", Shift+→ would extend; 2 = ORG.
  await surface.focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < 9; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("2");
  await expect(list.getByRole("button", { name: /ORG\s+Daesh/ })).toBeVisible();

  // Nested spans: "Washington Post" (ORG) holds "Washington" (GPE); both stay visible.
  await dragSelect(page, "Washington Post");
  await page.keyboard.press("2");
  await dragSelect(page, "Washington", 0);
  await page.keyboard.press("3");
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved/);
  await expect(page.locator('.doc-text [data-label="ORG"] [data-label="GPE"]')).toHaveText("Washington");
  await page.screenshot({ path: "e2e/screenshots/workbench.png" });

  await page.reload();
  await expect(list.getByRole("listitem")).toHaveCount(5);
  await expect(page.locator('.doc-text [data-label="PERSON"]')).toContainText("Sergey V. Lavrov");
  await expect(page.locator('.doc-text [title^="GPE: Baghdad"]')).toHaveText("Baghdad");

  // The export, through the API with an admin's token, carries the spans with exact code point offsets.
  const admin = makeUser("admin");
  const token = makeToken(admin.email);
  const res = await request.get("/api/v1/export?layer=annotators&status=all", { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/x-ndjson");
  const records = (await res.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  const record = records.find((r) => r.title === DOC_TITLE);
  const mine = record.spans.filter((s: { annotator: { name: string } }) => s.annotator.name === annotator.name);
  expect(mine.map((s: { label: string; text: string }) => `${s.label}:${s.text}`).sort()).toEqual(
    ["GPE:Baghdad", "GPE:Washington", "ORG:Daesh", "ORG:Washington Post", "PERSON:Sergey V. Lavrov"].sort(),
  );
  const chars = Array.from(record.text as string);
  for (const s of mine) expect(chars.slice(s.start, s.end).join("")).toBe(s.text);
});
