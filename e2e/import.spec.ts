import { test, expect } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { makeUser } from "./support/factories";
import { signIn } from "./support/session";

test("an admin uploads JSONL with one bad line: progress, a summary naming line 2, and the imported document opens", async ({ page }) => {
  const id = randomBytes(4).toString("hex");
  const admin = makeUser("admin");
  await signIn(page, admin);
  await page.getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import", exact: true })).toBeVisible();

  const text = `Sergey Lavrov 😀 met John Kerry in Baghdad. (${id})`;
  const lines = [
    JSON.stringify({
      title: `Imported brief ${id}`,
      text,
      meta: { outlet: "AP" },
      spans: [
        { start: 0, end: 13, label: "PERSON", text: "Sergey Lavrov" },
        { start: 20, end: 30, label: "PERSON", text: "John Kerry" },
      ],
    }),
    JSON.stringify({ title: `Broken ${id}`, text: `Another text ${id}`, meta: {}, spans: [{ start: 0, end: 7, label: "PERSON", text: "Nobody" }] }),
  ];
  await page.getByLabel("Files").setInputFiles({ name: `batch-${id}.jsonl`, mimeType: "application/x-ndjson", buffer: Buffer.from(lines.join("\n") + "\n") });
  await expect(page.getByLabel("Format")).toContainText("Detect (Marginalia native JSONL)");
  await page.getByLabel("Suggestions name").fill(`e2e ${id}`);
  await expect(page.getByLabel("Import the valid lines, list the bad ones")).toBeChecked();
  await page.getByRole("button", { name: "Import", exact: true }).click();

  await expect(page.locator("progress#import-progress")).toBeVisible();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("1 document imported with 2 spans");
  await expect(summary).toContainText("1 error");
  const errorRow = page.locator("tr.import-error");
  await expect(errorRow.locator("td").first()).toHaveText("2");
  await expect(errorRow).toContainText('says its text is "Nobody" but the text at those offsets is "Another"');
  await page.screenshot({ path: "e2e/screenshots/import.png", fullPage: true });

  await page.getByRole("link", { name: `Imported brief ${id}` }).click();
  await expect(page.getByRole("heading", { name: `Imported brief ${id}` })).toBeVisible();
  await expect(page.getByText("Sergey Lavrov", { exact: false }).first()).toBeVisible();
});
