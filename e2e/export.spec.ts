import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { importDocument, makeToken, makeUser } from "./support/factories";
import { signIn } from "./support/session";

const PROJECT = "iraq-intel-2015";

/** A span of the first `needle` in code points, as the API takes it. */
function span(text: string, needle: string, label: string) {
  const u = text.indexOf(needle);
  const start = Array.from(text.slice(0, u)).length;
  return { start, end: start + Array.from(needle).length, text: needle, label };
}

test("an admin exports one annotator's layer as spaCy JSONL with a label subset", async ({ page, request }) => {
  const admin = makeUser("admin");
  const annotator = makeUser("annotator");
  const token = makeToken(annotator.email);
  const title = importDocument(PROJECT, `Export brief ${Date.now()}`, `😀 Sergey V. Lavrov met 👩‍👩‍👧 John Kerry in 𠀀 Baghdad on Tuesday.`);
  const headers = { authorization: `Bearer ${token}` };
  const list = await request.get("/api/v1/documents?limit=100", { headers });
  const item = ((await list.json()).items as { id: string; title: string }[]).find((d) => d.title === title)!;
  const doc = (await (await request.get(`/api/v1/documents/${item.id}`, { headers })).json()) as { id: string; text: string };
  for (const body of [
    span(doc.text, "Sergey V. Lavrov", "PERSON"),
    span(doc.text, "John Kerry", "PERSON"),
    span(doc.text, "Baghdad", "GPE"),
    span(doc.text, "Tuesday", "DATE"),
  ]) {
    expect((await request.post(`/api/v1/documents/${doc.id}/annotations`, { headers, data: body })).status()).toBe(201);
  }

  await signIn(page, admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Export" }).click();
  await expect(page.getByRole("heading", { name: "Export" })).toBeVisible();
  await page.getByRole("radio", { name: /spaCy/ }).check();
  await page.getByLabel("Project", { exact: true }).selectOption(PROJECT);
  await page.getByLabel("Layer", { exact: true }).selectOption({ label: `${annotator.name} (${annotator.email})` });
  await page.getByLabel("Review status", { exact: true }).selectOption("all");
  await page.getByRole("checkbox", { name: "PERSON", exact: true }).check();
  await page.getByRole("checkbox", { name: "GPE", exact: true }).check();
  await page.getByLabel("Dataset split (optional)", { exact: true }).fill("80/10/10");
  await page.getByLabel("Seed", { exact: true }).fill("7");
  await expect(page.locator("#export-url")).toContainText("format=spacy");
  await expect(page.locator("#export-url")).toContainText("labels=PERSON&labels=GPE");
  // What the file will hold, before it is downloaded.
  // (documents: every one of the seed project, as work as it stands; the layer is the annotator's one)
  await expect(page.getByTestId("export-preview")).toContainText(/\d+ documents?, 1 layer, 3 spans/);
  await expect(page.getByTestId("export-preview")).toContainText("PERSON 2, GPE 1");
  await page.screenshot({ path: "e2e/screenshots/export.png", fullPage: true });

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("marginalia-spacy.jsonl");
  const lines = readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\n")
    .map(
      (l) =>
        JSON.parse(l) as {
          text: string;
          spans: { start: number; end: number; label: string }[];
          meta: { document_id: string; split: string };
        },
    );
  expect(lines).toHaveLength(1);
  const [record] = lines;
  expect(record.meta.document_id).toBe(doc.id);
  expect(["train", "dev", "test"]).toContain(record.meta.split);
  expect(record.spans.map((s) => `${s.label}:${Array.from(record.text).slice(s.start, s.end).join("")}`)).toEqual([
    "PERSON:Sergey V. Lavrov",
    "PERSON:John Kerry",
    "GPE:Baghdad",
  ]);
});

test("the export page says when the choices would export nothing, and will not hand out an empty file", async ({ page, request }) => {
  const admin = makeUser("admin");
  const slug = `empty-export-${Date.now()}`;
  const made = await request.post("/api/v1/projects", {
    headers: { authorization: `Bearer ${makeToken(admin.email)}` },
    data: { name: `Empty export ${slug}`, slug },
  });
  expect(made.status()).toBe(201);
  importDocument(slug, `Not reviewed yet ${slug}`, `Haider al-Abadi spoke in Baghdad. ${slug}`);

  await signIn(page, admin);
  await page.goto("/export");
  await page.getByLabel("Project", { exact: true }).selectOption(slug);
  const preview = page.getByTestId("export-preview");
  await expect(preview).toContainText("Nothing to export with these choices");
  await expect(page.getByRole("button", { name: "Download" })).toBeDisabled();
  await page.screenshot({ path: "e2e/screenshots/export-empty.png", fullPage: true });

  // work as it stands: the document, without the layers nobody started
  await page.getByLabel("Review status", { exact: true }).selectOption("all");
  await page.getByLabel("Layer", { exact: true }).selectOption("annotators");
  await expect(preview).toContainText("1 document, 0 layers, 0 spans");
  await expect(page.getByRole("button", { name: "Download" })).toBeEnabled();
});
