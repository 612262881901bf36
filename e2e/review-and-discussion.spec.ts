/**
 * Review that covers everything (issue 15): in a project of their own with
 * guidelines and a document label set, two annotators label a document and
 * state stances (through the API: the stance form has its own spec); the
 * reviewer starts a thread on one annotator's disputed span with a mention,
 * the annotator sees the mention arrive live and answers, the reviewer
 * resolves the thread, accepts one annotator's stance and a document label
 * into gold, merges two registry entries made for one person, and approves.
 * The default export (gold of approved documents) carries the gold stance
 * and the document label. Screenshots at 1360×860 and 1024×700.
 */
import { test, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { makeToken, makeUser } from "./support/factories";
import { signedIn } from "./support/session";

const TEXT = "Sergey Lavrov said Russia would share intelligence with Iraq. Lavrov met Haider al-Abadi in Baghdad on Tuesday.";
const at = (needle: string) => ({ start: TEXT.indexOf(needle), end: TEXT.indexOf(needle) + needle.length });

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}-1360.png` });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: `e2e/screenshots/${name}-1024.png` });
  await page.setViewportSize({ width: 1360, height: 860 });
}

test("annotators and a reviewer discuss a disputed span, the reviewer takes a stance and a document label into gold, merges two entities, approves; the export carries them", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const slug = `review-discussion-${randomBytes(3).toString("hex")}`;
  const admin = makeUser("admin");
  const adminAuth = { authorization: `Bearer ${makeToken(admin.email)}` };
  expect((await request.post("/api/v1/projects", { headers: adminAuth, data: { name: slug, slug } })).status()).toBe(201);
  const project = (await (await request.get(`/api/v1/projects/${slug}`, { headers: adminAuth })).json()) as { id: string };
  expect(
    (
      await request.patch(`/api/v1/projects/${slug}`, {
        headers: adminAuth,
        data: { guidelines: "# How we label\n\nTag **people** by their full name; a country as a government is **ORG**." },
      })
    ).status(),
  ).toBe(200);
  const schema = await request.put(`/api/v1/projects/${slug}/doc-labels`, {
    headers: adminAuth,
    data: {
      sets: [
        {
          name: "Relevance",
          choices: [
            { name: "Relevant", hotkey: "R" },
            { name: "Irrelevant", hotkey: "I" },
          ],
        },
      ],
    },
  });
  expect(schema.status()).toBe(200);
  const relevant = ((await schema.json()) as { sets: { choices: { id: string; name: string }[] }[] }).sets[0].choices.find((c) => c.name === "Relevant")!.id;
  const created = await request.post("/api/v1/documents", { headers: adminAuth, data: { title: `Talks ${slug}`, text: TEXT, project: slug } });
  expect(created.status()).toBe(201);
  const docId = (await created.json()).id as string;
  const target = await request.post(`/api/v1/projects/${slug}/stance-targets`, { headers: adminAuth, data: { text: "intelligence sharing" } });
  const targetId = (await target.json()).id as string;
  // the registry has Lavrov twice: the merge below makes one entry of them
  const entity = async (name: string) =>
    (await (await request.post(`/api/v1/projects/${slug}/entities`, { headers: adminAuth, data: { name, type: "PERSON" } })).json()).id as string;
  const lavrov = await entity("Sergey Lavrov");
  const lavrovAgain = await entity("Lavrov, Sergey");

  const [alice, bob, reviewer] = [makeUser("annotator", { project: slug }), makeUser("annotator", { project: slug }), makeUser("reviewer", { project: slug })];
  // two annotators per document, as the admin sets it on the assignments page
  const adminPage = await signedIn(browser, admin);
  await adminPage.goto(`/projects/${project.id}/assignments`);
  await adminPage.getByLabel("Annotators per document").fill("2");
  await adminPage.getByRole("button", { name: "Save" }).click();
  await expect(
    adminPage
      .getByRole("status")
      .or(adminPage.getByText(/saved|2 annotators/i))
      .first(),
  ).toBeVisible();

  // Alice and Bob: Russia (GPE for Alice, ORG for Bob), Lavrov's stance (favor / against), Relevant; both submit.
  async function annotate(email: string, russia: string, polarity: string, holderId: string) {
    const auth = { authorization: `Bearer ${makeToken(email)}` };
    const span = async (needle: string, label: string) => {
      const res = await request.post(`/api/v1/documents/${docId}/annotations`, { headers: auth, data: { ...at(needle), label } });
      expect(res.status()).toBe(201);
      return (await res.json()) as { id: string };
    };
    await span("Russia", russia);
    const evidence = await span("Sergey Lavrov said Russia would share intelligence with Iraq.", "QUOTE");
    const stance = await request.post(`/api/v1/documents/${docId}/stances`, { headers: auth, data: { holderId, targetId, polarity, evidence: [evidence.id] } });
    expect(stance.status()).toBe(201);
    expect((await request.put(`/api/v1/documents/${docId}/doc-labels`, { headers: auth, data: { choices: [relevant] } })).status()).toBe(200);
    expect((await request.post(`/api/v1/documents/${docId}/submit`, { headers: auth, data: {} })).status()).toBe(200);
  }
  await annotate(alice.email, "GPE", "FAVOR", lavrov);
  await annotate(bob.email, "ORG", "FAVOR", lavrovAgain);

  const a = await signedIn(browser, alice);
  await a.goto(`/documents/${docId}`);
  await expect(a.getByTestId("discussion-panel")).toBeVisible();
  await expect(a.getByTestId("inbox-badge")).toHaveCount(0);

  // The reviewer: guidelines beside the work, the disputed span discussed with Bob's counterpart Alice.
  const r = await signedIn(browser, reviewer);
  await r.goto(`/review/${docId}`);
  await expect(r.getByRole("heading", { name: `Talks ${slug}` })).toBeVisible();
  const guidelines = r.getByRole("button", { name: "Guidelines" });
  await expect(guidelines).toHaveAttribute("aria-expanded", "false");
  await guidelines.click();
  await expect(r.getByTestId("guidelines-view").getByRole("heading", { name: "How we label" })).toBeVisible();
  await expect(r.getByTestId("guidelines-view").locator("strong").first()).toHaveText("people");
  await r
    .getByRole("button", { name: new RegExp(`Discuss \\S+ “Russia” with ${alice.name}`) })
    .first()
    .click();
  const panel = r.getByTestId("discussion-panel");
  await expect(panel.getByLabel(/First post/)).toBeFocused();
  await r.keyboard.type(`@${alice.name} Russia as a state or its government here?`);
  await r.keyboard.press("Control+Enter");
  await expect(panel.getByTestId("thread")).toHaveCount(1);

  // Alice: the mention arrives live; she answers in the thread.
  await expect(a.getByTestId("inbox-badge")).toHaveText("1");
  const herThread = a.getByTestId("discussion-panel").getByTestId("thread");
  await expect(herThread).toContainText("Russia as a state or its government here?");
  await herThread.getByLabel("Reply").fill("The state: GPE, per the guidelines.");
  await herThread.getByLabel("Reply").press("Control+Enter");
  await expect(panel.getByTestId("thread")).toContainText("The state: GPE, per the guidelines.");
  await shoot(r, "review-discussion");

  // The reviewer resolves it, takes Alice's label, her stance and the document label into gold.
  await panel.getByTestId("thread").getByRole("button", { name: "Resolve" }).click();
  await expect(panel.getByTestId("thread")).toHaveCount(0);
  await r.getByRole("button", { name: "Accept GPE “Russia” into gold" }).click();
  const stances = r.getByTestId("stance-candidates");
  await expect(stances.getByTestId("stance-entry")).toHaveCount(2);
  await r.getByRole("group", { name: /^Stances:/ }).focus();
  await r.keyboard.press("a");
  await expect(r.getByRole("status").filter({ hasText: "Stance accepted into gold." })).toBeVisible();
  const docLabels = r.getByTestId("review-doc-labels");
  const relevantRow = docLabels.getByRole("row").filter({ has: r.getByRole("rowheader", { name: "Relevant", exact: true }) });
  await relevantRow.getByRole("button", { name: "Accept" }).click();
  await expect(relevantRow.getByRole("button", { name: "In gold ✓" })).toBeVisible();
  await shoot(r, "review-stances-doc-labels");

  // Two registry entries for one man: "Lavrov, Sergey" is merged into "Sergey Lavrov".
  await r.goto(`/projects/${project.id}/entities/${lavrovAgain}`);
  const merge = r.getByRole("combobox", { name: "Merge into…" });
  await merge.fill("Sergey");
  await r.getByRole("option", { name: /Sergey Lavrov/ }).click();
  await expect(r.getByRole("group", { name: "Confirm merge" })).toContainText(/\d+ stances? will move|and \d+ stances?/);
  await r.getByRole("group", { name: "Confirm merge" }).getByRole("button", { name: "Merge" }).click();
  // the merged entry is gone: the page moves on to the one it went into, with what moved and an undo
  await expect(r).toHaveURL(new RegExp(`/entities/${lavrov}\\?merged=`));
  await expect(r.getByRole("heading", { level: 1 })).toContainText("Sergey Lavrov");
  await expect(r.locator(".merge-result")).toContainText("Merged “Lavrov, Sergey” into Sergey Lavrov");
  await expect(r.locator(".merge-result").getByRole("button", { name: "Undo merge" })).toBeVisible();
  await shoot(r, "entity-merge");

  // Approve.
  await r.goto(`/review/${docId}`);
  await r.getByRole("button", { name: "Approve document" }).click();
  // when something is still open, approving asks first
  const ask = r.getByRole("alertdialog");
  await expect(r.getByTestId("approved").or(ask)).toBeVisible();
  if (await ask.isVisible()) await ask.getByRole("button", { name: /^Approve/ }).click();
  await expect(r.getByTestId("approved")).toBeVisible();

  // The dashboard: once the two Lavrovs are one entity, the two stances are on one holder → target, and agree.
  await r.goto(`/projects/${project.id}/dashboard`);
  const stanceAgreement = r.getByTestId("stance-agreement-table");
  await expect(stanceAgreement.getByRole("cell").first()).toHaveText("100.0%");
  await expect(r.getByTestId("doc-label-agreement")).toContainText("Relevance");
  await r.getByRole("heading", { name: "Agreement on stances" }).scrollIntoViewIfNeeded();
  await shoot(r, "dashboard-stances-doc-labels");

  // The default export: gold of approved documents, with the gold stance and the document label.
  const res = await request.get(`/api/v1/export?project=${slug}&manifest=none`, { headers: adminAuth });
  expect(res.status()).toBe(200);
  const record = (await res.text())
    .split("\n")
    .filter(Boolean)
    .map(
      (line) =>
        JSON.parse(line) as {
          id: string;
          spans: { label: string; text: string }[];
          stances: { layer: string; polarity: string; holder: { id: string; name: string } }[];
          doc_labels: Record<string, string[]>;
        },
    )
    .find((d) => d.id === docId)!;
  expect(record.spans.find((s) => s.text === "Russia")?.label).toBe("GPE");
  expect(record.stances).toHaveLength(1);
  expect(record.stances[0]).toMatchObject({ layer: "gold", polarity: "FAVOR", holder: { id: lavrov, name: "Sergey Lavrov" } });
  expect(record.doc_labels).toEqual({ Relevance: ["Relevant"] });
});
