/**
 * Stances and quote links through review: two annotators state stances and
 * link a quote (set up through the API), the reviewer sees them side by side
 * on the review page, accepts one stance by keyboard and a quote link by
 * click, approves, and the export carries the gold stance and quote link.
 */
import { test, expect, type APIRequestContext } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { makeUser, makeToken } from "./support/factories";
import { signedIn } from "./support/session";

const TEXT = 'John Kerry said: "This is not yet coordinated." Sergey Lavrov agreed, Interfax reported.';
const at = (needle: string) => ({ start: TEXT.indexOf(needle), end: TEXT.indexOf(needle) + needle.length });

test("the reviewer adjudicates stances and quote links into gold; the export carries them", async ({ browser, request }) => {
  const admin = makeUser("admin");
  const adminToken = makeToken(admin.email);
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const title = `Stance review ${randomBytes(3).toString("hex")}`;
  const created = await request.post("/api/v1/documents", { headers: auth(adminToken), data: { title, text: TEXT } });
  expect(created.status()).toBe(201);
  const { id: docId, projectId } = (await created.json()) as { id: string; projectId: string };
  const target = await request.post(`/api/v1/projects/${projectId}/stance-targets`, { headers: auth(adminToken), data: { text: `the cell ${title}` } });
  expect(target.status()).toBe(201);
  const targetId = (await target.json()).id as string;
  const entity = await request.post(`/api/v1/projects/${projectId}/entities`, { headers: auth(adminToken), data: { name: `Lavrov ${title}`, type: "PERSON" } });
  expect(entity.status()).toBe(201);
  const holderId = (await entity.json()).id as string;

  const [alice, bob, reviewer] = [makeUser("annotator"), makeUser("annotator"), makeUser("reviewer")];
  async function annotate(api: APIRequestContext, token: string, polarity: string, speaker: string) {
    const span = async (needle: string, label: string) => {
      const res = await api.post(`/api/v1/documents/${docId}/annotations`, { headers: auth(token), data: { ...at(needle), label } });
      expect(res.status()).toBe(201);
      return (await res.json()) as { id: string; version: number };
    };
    const evidence = await span("Sergey Lavrov agreed", "EVENT");
    const quote = await span('"This is not yet coordinated."', "QUOTE");
    const cue = await span("said", "CUE");
    const who = await span(speaker, speaker === "Interfax" ? "ORG" : "PERSON");
    expect(
      (
        await api.put(`/api/v1/annotations/${quote.id}/quote`, { headers: auth(token), data: { cueId: cue.id, speakerId: who.id, version: quote.version } })
      ).status(),
    ).toBe(200);
    const stance = await api.post(`/api/v1/documents/${docId}/stances`, {
      headers: auth(token),
      data: { holderId, targetId, polarity, confidence: 0.7, evidence: [evidence.id] },
    });
    expect(stance.status()).toBe(201);
    expect((await api.post(`/api/v1/documents/${docId}/submit`, { headers: auth(token), data: {} })).status()).toBe(200);
  }
  await annotate(request, makeToken(alice.email), "FAVOR", "John Kerry");
  await annotate(request, makeToken(bob.email), "AGAINST", "Interfax");

  const r = await signedIn(browser, reviewer);
  await r.goto(`/review/${docId}`);
  await expect(r.getByRole("heading", { name: title })).toBeVisible();

  // Side by side: one holder → target with two polarities, marked as a disagreement.
  const stances = r.getByTestId("stance-candidates");
  await expect(stances.getByTestId("stance-entry")).toHaveCount(2);
  await expect(stances).toContainText("disagreement");
  await expect(stances).toContainText("favor");
  await expect(stances).toContainText("against");
  await expect(stances).toContainText("Sergey Lavrov agreed");

  // Keys as on the span disagreements: focus the list, ↓ to Bob's, a accepts it into gold.
  await r.getByRole("group", { name: /^Stances:/ }).focus();
  await r.keyboard.press("ArrowDown");
  await r.keyboard.press("a");
  await expect(r.getByRole("status").filter({ hasText: "Stance accepted into gold." })).toBeVisible();
  await expect(stances).toContainText("gold: against");
  await expect(stances.locator('[data-state="in-gold"]')).toHaveCount(1);
  await expect(stances.locator('[data-state="overruled"]')).toHaveCount(1);

  // Quote links: Alice's speaker is John Kerry, Bob's Interfax; accept Alice's by click.
  const links = r.getByTestId("quote-link-candidates");
  await expect(links.getByRole("listitem")).toHaveCount(2);
  await links
    .getByRole("listitem")
    .filter({ hasText: "John Kerry" })
    .getByRole("button", { name: /^Accept the link/ })
    .click();
  await expect(r.getByRole("status").filter({ hasText: "Quote link accepted into gold." })).toBeVisible();
  await expect(links.locator('[data-state="in-gold"]')).toContainText("John Kerry");
  await expect(links.locator('[data-state="overruled"]')).toContainText("Interfax");

  await r.getByRole("button", { name: "Approve document" }).click();
  // Bob's Interfax span is still an open span disagreement: approving asks first
  await r.getByRole("alertdialog").getByRole("button", { name: "Approve anyway" }).click();
  await expect(r.getByTestId("approved")).toBeVisible();

  // The default export (gold of approved documents) carries the gold stance and the quote link.
  const res = await request.get("/api/v1/export?manifest=none", { headers: auth(adminToken) });
  expect(res.status()).toBe(200);
  const record = (await res.text())
    .split("\n")
    .filter(Boolean)
    .map(
      (line) =>
        JSON.parse(line) as {
          id: string;
          spans: { id: string; label: string; text: string; quote?: { cue_id: string; speaker_id: string } }[];
          stances: { layer: string; polarity: string; holder: { id: string }; evidence: { annotation_id: string; text: string }[] }[];
        },
    )
    .find((d) => d.id === docId)!;
  expect(record.stances).toHaveLength(1);
  expect(record.stances[0]).toMatchObject({ layer: "gold", polarity: "AGAINST", holder: { id: holderId } });
  const byId = new Map(record.spans.map((s) => [s.id, s]));
  expect(byId.get(record.stances[0].evidence[0].annotation_id)?.text).toBe("Sergey Lavrov agreed");
  const quote = record.spans.find((s) => s.label === "QUOTE")!;
  expect(byId.get(quote.quote!.cue_id)?.text).toBe("said");
  expect(byId.get(quote.quote!.speaker_id)?.text).toBe("John Kerry");
});
