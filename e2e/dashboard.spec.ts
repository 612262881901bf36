import { test, expect, type APIRequestContext } from "@playwright/test";
import { makeToken, makeUser } from "./support/factories";

const DOC_TITLE = "Iraq Cooperating With Russia, Iran, Syria On Security Issues";

type Doc = { id: string; projectId: string; text: string };

async function findDocument(request: APIRequestContext, token: string): Promise<Doc> {
  const headers = { authorization: `Bearer ${token}` };
  const list = await request.get("/api/v1/documents?limit=100", { headers });
  expect(list.status()).toBe(200);
  const item = ((await list.json()).items as { id: string; title: string }[]).find((d) => d.title === DOC_TITLE);
  if (!item) throw new Error(`seed document "${DOC_TITLE}" not found`);
  const doc = await request.get(`/api/v1/documents/${item.id}`, { headers });
  return (await doc.json()) as Doc;
}

/** A span of the first `needle` in code points, as the API takes it. */
function span(text: string, needle: string, label: string) {
  const u = text.indexOf(needle);
  const start = Array.from(text.slice(0, u)).length;
  return { start, end: start + Array.from(needle).length, text: needle, label };
}

test("the dashboard shows two annotators' progress, their agreement per label and the label distribution", async ({ page, request }) => {
  const admin = makeUser("admin");
  const annotators = [makeUser("annotator"), makeUser("annotator")];
  const tokens = annotators.map((a) => makeToken(a.email));
  const doc = await findDocument(request, tokens[0]);

  // Both annotate the same document through the REST API; they disagree on "Islamic State".
  const layers = [
    [span(doc.text, "Barack Obama", "PERSON"), span(doc.text, "Islamic State", "ORG"), span(doc.text, "Russia", "GPE")],
    [span(doc.text, "Barack Obama", "PERSON"), span(doc.text, "Islamic State", "GPE"), span(doc.text, "Russia", "GPE")],
  ];
  for (const [i, spans] of layers.entries()) {
    for (const body of spans) {
      const res = await request.post(`/api/v1/documents/${doc.id}/annotations`, { headers: { authorization: `Bearer ${tokens[i]}` }, data: body });
      expect(res.status()).toBe(201);
    }
  }

  await page.goto("/signin");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("whoami")).toBeVisible();

  // Nothing is submitted yet (submitting is its own feature), so by default there is nothing to compare.
  await page.goto(`/projects/${doc.projectId}/dashboard`);
  await expect(page.getByRole("heading", { name: /dashboard/ })).toBeVisible();
  await expect(page.getByTestId("agreement-empty")).toHaveText(/No submitted layers yet — agreement needs at least two annotators on a document/);
  await page.screenshot({ path: "e2e/screenshots/dashboard-empty.png", fullPage: true });

  await page.getByRole("link", { name: "Include in-progress layers" }).click();
  await expect(page).toHaveURL(/include=in_progress/);
  await expect(page.getByTestId("counting")).toContainText("in-progress layers.");

  const progress = page.getByRole("img", { name: "Layers per annotator by status" });
  for (const a of annotators) await expect(progress).toContainText(a.name);
  await expect(progress).toContainText("1 in progress · 3 spans");

  // α is read against Krippendorff's reference bands, drawn behind the bars and named beside them
  await expect(page.getByTestId("agreement-bands")).toContainText("0.8 and above: reliable");
  await expect(page.locator(".chart-band")).toHaveCount(3);
  const table = page.getByTestId("agreement-table");
  const person = table.getByRole("row", { name: /PERSON/ });
  await expect(person.getByRole("cell").first()).toHaveText(/^-?\d\.\d\d$/);
  await expect(
    table
      .getByRole("row", { name: /All labels/ })
      .getByRole("cell")
      .first(),
  ).toHaveText(/^-?\d\.\d\d$/);
  await expect(page.getByRole("img", { name: "Krippendorff's alpha per label" })).toContainText(/PERSON.*n = [\d,]+ words, \d+ docs?/);

  // "Islamic State" (two words) was ORG for one annotator and GPE for the other: the confusion matrix names the pair
  await expect(page.getByTestId("confusion-top")).toHaveText("Most confused: ORG ↔ GPE (2 words).");
  const matrix = page.getByRole("table", { name: /Label-confusion matrix/ });
  const orgRow = matrix.getByRole("row", { name: /^ORG/ });
  const columns = await matrix.locator("thead th").allTextContents();
  await expect(orgRow.getByRole("cell").nth(columns.indexOf("GPE"))).toHaveText("2");
  await expect(orgRow.getByRole("cell").nth(columns.indexOf("GPE"))).toHaveClass(/confused/);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole("heading", { name: "Which labels are confused" }).scrollIntoViewIfNeeded();
  await expect(matrix).toBeInViewport();
  await page.screenshot({ path: "e2e/screenshots/confusion-1024.png" });
  await page.setViewportSize({ width: 1360, height: 860 });

  const distribution = page.getByRole("img", { name: /Spans per label/ });
  await expect(distribution).toBeVisible();
  await expect(distribution).toContainText("GPE");
  await expect(page.getByRole("list", { name: /Legend: Spans per label/ })).toContainText("Gold");

  await page.screenshot({ path: "e2e/screenshots/dashboard.png", fullPage: true });

  const missing = await page.goto("/projects/no-such-project/dashboard");
  expect(missing?.status()).toBe(404);
});

test("annotators are told the dashboard is for reviewers and admins", async ({ page, request }) => {
  const annotator = makeUser("annotator");
  const doc = await findDocument(request, makeToken(annotator.email));
  await page.goto("/signin");
  await page.getByLabel("Email").fill(annotator.email);
  await page.getByLabel("Password").fill(annotator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("whoami")).toBeVisible();
  await page.goto(`/projects/${doc.projectId}/dashboard`);
  await expect(page.getByText("Only reviewers and admins see project dashboards.")).toBeVisible();
});
