/**
 * Document labels by keyboard (issue 15, item 4): an admin defines the sets
 * through the API, an annotator sets a single-choice label and two choices of
 * a multiple-choice set with Shift+letter on the text, each saved at once,
 * and the choices are still there after a reload.
 */
import { test, expect } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { makeToken, makeUser } from "./support/factories";
import { signedIn } from "./support/session";

test("an annotator sets document labels with Shift+letter; they are saved at once", async ({ browser, request }) => {
  const admin = makeUser("admin");
  const auth = { authorization: `Bearer ${makeToken(admin.email)}` };
  const slug = `doc-labels-${randomBytes(3).toString("hex")}`;
  expect((await request.post("/api/v1/projects", { headers: auth, data: { name: slug, slug } })).status()).toBe(201);
  const schema = await request.put(`/api/v1/projects/${slug}/doc-labels`, {
    headers: auth,
    data: {
      sets: [
        {
          name: "Relevance",
          description: "Is the article about the topic of the study?",
          choices: [
            { name: "Relevant", hotkey: "R" },
            { name: "Irrelevant", hotkey: "I" },
          ],
        },
        {
          name: "Topic",
          multiple: true,
          choices: [
            { name: "Politics", hotkey: "P", description: "government, elections" },
            { name: "Economy", hotkey: "E" },
          ],
        },
      ],
    },
  });
  expect(schema.status()).toBe(200);
  const created = await request.post("/api/v1/documents", {
    headers: auth,
    data: { title: `Doc labels ${slug}`, text: "The minister said the budget vote would be close.", project: slug },
  });
  expect(created.status()).toBe(201);
  const docId = (await created.json()).id as string;

  const page = await signedIn(browser, makeUser("annotator", { project: slug }));
  await page.goto(`/documents/${docId}`);
  const panel = page.getByTestId("doc-labels");
  await expect(panel.getByRole("radio", { name: /^Relevant/ })).toBeVisible();
  await expect(panel).toContainText("government, elections");

  await page.getByTestId("document-surface").focus();
  await page.keyboard.press("Shift+R");
  await expect(panel.getByRole("radio", { name: /^Relevant/ })).toBeChecked();
  await expect(panel.getByRole("status")).toHaveText(/saved/);
  // the other choice of a single-choice set replaces it
  await page.keyboard.press("Shift+I");
  await expect(panel.getByRole("radio", { name: /Irrelevant/ })).toBeChecked();
  await expect(panel.getByRole("radio", { name: /^Relevant/ })).not.toBeChecked();
  // a multiple-choice set takes both
  await page.keyboard.press("Shift+P");
  await page.keyboard.press("Shift+E");
  await expect(panel.getByRole("checkbox", { name: /Politics/ })).toBeChecked();
  await expect(panel.getByRole("checkbox", { name: /Economy/ })).toBeChecked();
  await expect(panel.getByRole("status")).toHaveText(/saved/);
  // the key again clears it
  await page.keyboard.press("Shift+E");
  await expect(panel.getByRole("checkbox", { name: /Economy/ })).not.toBeChecked();
  await expect(panel.getByRole("status")).toHaveText(/saved/);

  await page.reload();
  await expect(page.getByTestId("doc-labels").getByRole("radio", { name: /Irrelevant/ })).toBeChecked();
  await page.getByTestId("doc-labels").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/screenshots/doc-labels-1360.png" });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByTestId("doc-labels").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/screenshots/doc-labels-1024.png" });
  await page.setViewportSize({ width: 1360, height: 860 });
  await expect(page.getByTestId("doc-labels").getByRole("checkbox", { name: /Politics/ })).toBeChecked();
  await expect(page.getByTestId("doc-labels").getByRole("checkbox", { name: /Economy/ })).not.toBeChecked();
});
