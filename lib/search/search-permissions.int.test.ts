/**
 * Search reveals nothing the document pages would not: an annotator finds
 * neither another annotator's spans while the project keeps layers apart nor
 * anything of a project they are not in, nor gold; a reviewer under blind
 * review sees annotators as pseudonyms, and can search by those only.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDocument, makeGoldLayer, makeProject, makeUser, spanAt } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createEntity } from "@/lib/entities/save-entity";
import { pseudonym } from "@/lib/review/blind";
import * as searchRoute from "@/app/api/v1/search/route";
import type { SearchHit } from "./search-corpus";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx, alice: Ctx, bob: Ctx;
let project: { id: string; slug: string };
let closed: { id: string; slug: string };
let doc: { id: string };
let secret: { id: string; title: string };
let spans: { alice: string; bob: string; bobQuote: string };

const W = "qp" + Array.from(randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join("");
const TEXT = `Sergey Lavrov ${W} met John Kerry. "We agreed," Lavrov said.`;

/** The search through the API, as the caller's token sees it: the hits and the whole body as sent. */
async function search(who: Ctx, q: string, project?: string) {
  const params = new URLSearchParams({ q, ...(project ? { project } : {}) });
  const res = await call(searchRoute.GET, { path: `/api/v1/search?${params}`, token: who.token });
  return { status: res.status, body: res.text, items: (res.json?.items ?? []) as SearchHit[], code: res.json?.error?.code };
}

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  alice = await makeUser("ANNOTATOR");
  bob = await makeUser("ANNOTATOR");
  project = await makeProject();
  closed = await makeProject();
  await db.project.update({ where: { id: project.id }, data: { blindReview: true } });
  await db.projectMember.deleteMany({ where: { projectId: closed.id, userId: { in: [alice.user.id, reviewer.user.id] } } });
  doc = await makeDocument(admin.actor, { project: project.slug, text: TEXT });
  const s = await makeDocument(admin.actor, { project: closed.slug, title: `Closed file ${W}`, text: `Only for its members: ${W}, Sergey Lavrov.` });
  secret = { id: s.id, title: s.title };
  await createAnnotation({ actor: admin.actor, documentId: s.id, input: spanAt(s.text, "Sergey Lavrov", "PERSON") });
  const span = async (who: Ctx, needle: string, label: string, occurrence = 0) =>
    (await createAnnotation({ actor: who.actor, documentId: doc.id, input: spanAt(TEXT, needle, label, occurrence) })).annotation.id;
  spans = {
    alice: await span(alice, "Sergey Lavrov", "PERSON"),
    bob: await span(bob, "Lavrov", "PERSON", 1),
    bobQuote: await span(bob, "We agreed,", "QUOTE"),
  };
  await makeGoldLayer(reviewer.actor, doc.id, { spans: [spanAt(TEXT, "John Kerry", "PERSON")] });
  const entity = await createEntity({ actor: admin.actor, projectId: project.id, input: { name: `Lavrov ${W}`, type: "PERSON" } });
  await db.annotation.updateMany({ where: { id: { in: [spans.alice, spans.bob] } }, data: { entityId: entity.id } });
});

const annotationIds = (items: SearchHit[]) => items.map((h) => h.annotation?.id).sort();

describe(`search permissions on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("an annotator finds only their own spans while the project keeps layers apart, never gold", async () => {
    const seen = async (q: string) => {
      const r = await search(alice, q, project.slug);
      expect(r.status, r.body).toBe(200);
      return r;
    };
    expect(annotationIds((await seen("label:PERSON")).items)).toEqual([spans.alice]);
    expect(annotationIds((await seen("Lavrov label:PERSON")).items)).toEqual([spans.alice]);
    expect(annotationIds((await seen(`entity:"Lavrov ${W}"`)).items)).toEqual([spans.alice]);
    expect((await seen("label:QUOTE")).items).toEqual([]);
    expect((await seen(`annotator:${bob.user.email}`)).items).toEqual([]);
    expect((await seen(`annotator:"${bob.user.name}"`)).items).toEqual([]);
    expect((await seen("Kerry label:PERSON")).items).toEqual([]); // the gold span
    const body = (await seen("label:PERSON")).body;
    expect(body).not.toContain(bob.user.name);
    expect((await search(alice, "layer:gold", project.slug)).status).toBe(403);

    await db.project.update({ where: { id: project.id }, data: { showOtherLayers: true } });
    try {
      const shown = (await seen("label:PERSON")).items;
      expect(annotationIds(shown)).toEqual([spans.alice, spans.bob].sort());
      // annotators see each other's names where the page shows them; blind review hides names from reviewers only
      expect(shown.find((h) => h.annotation!.id === spans.bob)!.annotation!.annotator).toEqual({ id: bob.user.id, name: bob.user.name });
      expect(annotationIds((await seen(`annotator:${bob.user.email} label:QUOTE`)).items)).toEqual([spans.bobQuote]);
      expect((await seen("Kerry label:PERSON")).items).toEqual([]);
    } finally {
      await db.project.update({ where: { id: project.id }, data: { showOtherLayers: false } });
    }
  });

  it("an annotator finds nothing of a project they are not a member of", async () => {
    const words = await search(alice, W);
    expect(words.status).toBe(200);
    expect(words.items.map((h) => h.document.id)).toEqual([doc.id]);
    for (const q of [W, `${W} Lavrov`, "Lavrov label:PERSON", "label:PERSON", `"Sergey Lavrov"`]) {
      const r = await search(alice, q);
      expect(r.status).toBe(200);
      expect(r.body, q).not.toContain(secret.id);
      expect(r.body, q).not.toContain("Closed file");
      expect(r.body, q).not.toContain(closed.id);
    }
    expect((await search(alice, `${W} project:${closed.slug}`)).code).toBe("NOT_FOUND");
    expect((await search(alice, W, closed.id)).code).toBe("NOT_FOUND");
    // its members do find it
    expect((await search(bob, W)).items.map((h) => h.document.id).sort()).toEqual([doc.id, secret.id].sort());
  });

  it("a reviewer under blind review sees pseudonyms and finds annotators by them, never by name or email", async () => {
    const r = await search(reviewer, "label:PERSON", project.slug);
    expect(r.status).toBe(200);
    const byId = new Map(r.items.map((h) => [h.annotation!.id, h.annotation!]));
    expect(byId.get(spans.alice)!.annotator).toEqual(pseudonym(project.id, alice.user.id));
    expect(byId.get(spans.bob)!.annotator).toEqual(pseudonym(project.id, bob.user.id));
    expect([...byId.values()].filter((a) => a.layer === "gold").map((a) => a.annotator)).toEqual([null]);
    for (const who of [alice, bob]) {
      for (const secretOf of [who.user.name, who.user.email, who.user.id]) expect(r.body).not.toContain(secretOf);
    }
    for (const q of [
      `annotator:${alice.user.email}`,
      `annotator:"${alice.user.name}"`,
      `annotator:${alice.user.email.split("@")[0]}`,
      `annotator:${alice.user.id}`,
    ]) {
      expect((await search(reviewer, q, project.slug)).items, q).toEqual([]);
    }
    const alias = pseudonym(project.id, alice.user.id);
    expect(annotationIds((await search(reviewer, `annotator:"${alias.name}"`, project.slug)).items)).toEqual([spans.alice]);
    expect(annotationIds((await search(reviewer, `annotator:"${alias.name.toLowerCase()}"`)).items)).toEqual([spans.alice]);
    expect(annotationIds((await search(reviewer, `annotator:${alias.id}`)).items)).toEqual([spans.alice]);

    // admins assign the seats and see names
    const a = await search(admin, `annotator:${alice.user.email}`, project.slug);
    expect(a.items.map((h) => h.annotation!.annotator)).toEqual([{ id: alice.user.id, name: alice.user.name }]);
  });
});
