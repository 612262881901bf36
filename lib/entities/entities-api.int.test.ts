import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser, makeDocument, makeProject, spanAt } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import * as registry from "@/app/api/v1/projects/[id]/entities/route";
import * as entityRoute from "@/app/api/v1/entities/[id]/route";
import * as aliasesRoute from "@/app/api/v1/entities/[id]/aliases/route";
import * as aliasRoute from "@/app/api/v1/entities/[id]/aliases/[aliasId]/route";
import * as mentionRoute from "@/app/api/v1/annotations/[id]/entity/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as suggestionsRoute from "@/app/api/v1/documents/[id]/suggestions/route";
import * as acceptRoute from "@/app/api/v1/documents/[id]/suggestions/accept/route";
import * as dismissRoute from "@/app/api/v1/documents/[id]/suggestions/dismiss/route";
import * as exporter from "@/app/api/v1/export/route";
import { seedEntities, SEED_ENTITIES } from "@/lib/seed/seed-entities";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, ann: Ctx, other: Ctx, reviewer: Ctx, outsider: Ctx;
let project: { id: string; slug: string };

const TEXT = "😀 Daesh, also IS or ISIL, is feared. Sergey V. Lavrov met John Kerry; Lavrov said IS must go. this is 𝒳 Daesh.";

const post = <P>(h: Parameters<typeof call<P>>[0], path: string, token: string, params: P, body: unknown) =>
  call(h, { method: "POST", path, token, params, body });

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  ann = await makeUser("ANNOTATOR");
  other = await makeUser("ANNOTATOR");
  reviewer = await makeUser("REVIEWER");
  project = await makeProject();
  outsider = await makeUser("ANNOTATOR");
  await db.projectMember.deleteMany({ where: { projectId: project.id, userId: outsider.user.id } });
  await seedEntities({ actor: admin.actor, projectId: project.id });
});

const entityByName = (name: string) => db.canonicalEntity.findFirstOrThrow({ where: { projectId: project.id, name } });

describe(`entity registry on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("seeds idempotently", async () => {
    await seedEntities({ actor: admin.actor, projectId: project.id });
    expect(await db.canonicalEntity.count({ where: { projectId: project.id } })).toBe(SEED_ENTITIES.length);
    const is = await db.entityAlias.findMany({ where: { entity: { projectId: project.id, name: "Islamic State" } } });
    expect(is.map((a) => a.alias).sort()).toEqual(["Daesh", "IS", "ISIL", "ISIS", "Islamic State"]);
  });

  it("creates, reads and edits entities; refuses bad input, other projects and stale edits", async () => {
    const path = `/api/v1/projects/${project.id}/entities`;
    const created = await post(
      registry.POST,
      path,
      ann.token,
      { id: project.id },
      { name: "Hashid Shaabi", type: "ORG", aliases: ["Popular Mobilization Committees"], externalId: "https://www.wikidata.org/wiki/Q17142979" },
    );
    expect(created.status).toBe(201);
    expect(created.json.externalId).toBe("Q17142979");
    const id = created.json.id as string;
    const taken = await post(registry.POST, path, ann.token, { id: project.id }, { name: "Hashid Shaabi", type: "ORG" });
    expect(taken.status).toBe(409);
    expect((taken.json.error as { details?: unknown } | undefined)?.details).toEqual({ existing: { id, name: "Hashid Shaabi" } }); // the client can offer to link to it
    expect((await post(registry.POST, path, ann.token, { id: project.id }, { name: "X", type: "QUOTE_NOPE" })).status).toBe(422);
    expect((await post(registry.POST, path, ann.token, { id: project.id }, { name: "X", type: "ORG", externalId: "Qabc" })).status).toBe(400);
    expect((await post(registry.POST, path, ann.token, { id: project.id }, { name: "" })).status).toBe(400);
    expect((await call(registry.GET, { path, token: "mrg_nope", params: { id: project.id } })).status).toBe(401);
    expect((await post(registry.POST, path, outsider.token, { id: project.id }, { name: "Y", type: "ORG" })).status).toBe(404);
    expect((await call(entityRoute.GET, { path: `/api/v1/entities/${id}`, token: outsider.token, params: { id } })).status).toBe(404);

    const got = await call(entityRoute.GET, { path: `/api/v1/entities/${id}`, token: ann.token, params: { id } });
    expect(got.status).toBe(200);
    const patch = (body: unknown) => call(entityRoute.PATCH, { method: "PATCH", path: `/api/v1/entities/${id}`, token: ann.token, params: { id }, body });
    const renamed = await patch({ name: "Popular Mobilization Forces", note: "Shia militias", updatedAt: got.json.updatedAt });
    expect(renamed.status).toBe(200);
    expect((renamed.json.aliases as { alias: string }[]).map((a) => a.alias)).toContain("Hashid Shaabi");
    expect((await patch({ note: "stale", updatedAt: got.json.updatedAt })).status).toBe(409);
    const audit = await db.auditEvent.findMany({ where: { subject: "ENTITY", subjectId: id } });
    expect(audit.map((a) => a.action).sort()).toEqual(["CREATE", "UPDATE"]);

    const list = await call(registry.GET, { path: `${path}?limit=5`, token: ann.token, params: { id: project.id } });
    expect((list.json.items as unknown[]).length).toBe(5);
    expect(list.json.nextCursor).toBeTruthy();
  });

  it("adds and removes aliases; a spelling of another entity is a 409", async () => {
    const lavrov = await entityByName("Sergey Lavrov");
    const path = `/api/v1/entities/${lavrov.id}/aliases`;
    expect((await post(aliasesRoute.POST, path, ann.token, { id: lavrov.id }, { alias: "Daesh" })).status).toBe(409);
    expect((await post(aliasesRoute.POST, path, ann.token, { id: lavrov.id }, { alias: "  daesh " })).json.error?.message).toMatch(/Islamic State/);
    const added = await post(aliasesRoute.POST, path, ann.token, { id: lavrov.id }, { alias: "Sergueï Lavrov" });
    expect(added.status).toBe(201);
    expect((await post(aliasesRoute.POST, path, ann.token, { id: lavrov.id }, { alias: "sergueï  lavrov" })).status).toBe(200);
    const alias = (added.json.aliases as { id: string; alias: string }[]).find((a) => a.alias === "Sergueï Lavrov")!;
    const nameAlias = (added.json.aliases as { id: string; alias: string }[]).find((a) => a.alias === "Sergey Lavrov")!;
    const del = (aliasId: string) =>
      call(aliasRoute.DELETE, { method: "DELETE", path: `${path}/${aliasId}`, token: ann.token, params: { id: lavrov.id, aliasId } });
    expect((await del(nameAlias.id)).status).toBe(422);
    expect((await del(alias.id)).status).toBe(200);
    expect((await del(alias.id)).status).toBe(404);
  });

  it("ranks type-ahead exact > prefix > word > substring", async () => {
    const search = async (q: string) =>
      (await call(registry.GET, { path: `/api/v1/projects/${project.id}/entities?q=${encodeURIComponent(q)}`, token: ann.token, params: { id: project.id } }))
        .json.items as { name: string; match: string }[];
    const is = await search("is");
    expect(is[0]).toMatchObject({ name: "Islamic State", match: "exact" });
    expect(is.map((e) => e.match)).toEqual(
      [...is.map((e) => e.match)].sort((a, b) => ["exact", "prefix", "word", "substring"].indexOf(a) - ["exact", "prefix", "word", "substring"].indexOf(b)),
    );
    expect((await search("lav"))[0]).toMatchObject({ name: "Sergey Lavrov" });
    expect((await search("ABADI"))[0]).toMatchObject({ name: "Haider al-Abadi", match: "word" });
    expect((await search("ssad")).map((e) => e.name)).toEqual(["Bashar al-Assad"]);
  });

  it("links and unlinks a mention with version checks and audit; creates an entity in place", async () => {
    const doc = await makeDocument(admin.actor, { text: TEXT, project: project.slug });
    const span = await post(annotations.POST, `/api/v1/documents/${doc.id}/annotations`, ann.token, { id: doc.id }, spanAt(TEXT, "Lavrov", "PERSON", 1));
    const annId = span.json.id as string;
    const lavrov = await entityByName("Sergey Lavrov");
    const put = (token: string, body: unknown) =>
      call(mentionRoute.PUT, { method: "PUT", path: `/api/v1/annotations/${annId}/entity`, token, params: { id: annId }, body });
    expect((await put(other.token, { entityId: lavrov.id, version: 1 })).status).toBe(404);
    expect((await put(ann.token, { entityId: lavrov.id, version: 7 })).status).toBe(409);
    expect((await put(ann.token, { entityId: lavrov.id })).status).toBe(400);
    const otherProjectEntity = await db.canonicalEntity.create({ data: { projectId: (await makeProject()).id, name: "Elsewhere", type: "ORG" } });
    expect((await put(ann.token, { entityId: otherProjectEntity.id, version: 1 })).status).toBe(422);
    const linked = await put(ann.token, { entityId: lavrov.id, version: 1 });
    expect(linked.status).toBe(200);
    expect(linked.json.annotation).toMatchObject({ entityId: lavrov.id, version: 2 });
    const read = await call(mentionRoute.GET, { path: `/api/v1/annotations/${annId}/entity`, token: ann.token, params: { id: annId } });
    expect(read.json.entity).toMatchObject({ name: "Sergey Lavrov" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: annId, action: "UPDATE" } });
    expect(audit.before).toMatchObject({ entityId: null });
    expect(audit.after).toMatchObject({ entityId: lavrov.id });

    const detail = await call(entityRoute.GET, { path: `/api/v1/entities/${lavrov.id}`, token: ann.token, params: { id: lavrov.id } });
    expect(detail.json.spellings).toEqual([{ text: "Lavrov", count: 1, documents: [{ id: doc.id, title: doc.title, count: 1 }] }]);
    // another annotator does not see it (project hides layers by default)
    const seenByOther = await call(entityRoute.GET, { path: `/api/v1/entities/${lavrov.id}`, token: other.token, params: { id: lavrov.id } });
    expect(seenByOther.json.mentionCount).toBe(0);

    expect((await put(ann.token, { entityId: null, version: 2 })).json.annotation).toMatchObject({ entityId: null, version: 3 });

    const cue = await post(annotations.POST, `/api/v1/documents/${doc.id}/annotations`, ann.token, { id: doc.id }, spanAt(TEXT, "feared", "ORG"));
    const cid = cue.json.id as string;
    const made = await post(mentionRoute.POST, `/api/v1/annotations/${cid}/entity`, ann.token, { id: cid }, { version: 1, create: {} });
    expect(made.status).toBe(201);
    expect(made.json.entity).toMatchObject({ name: "feared", type: "ORG" });
    expect(made.json.annotation).toMatchObject({ entityId: made.json.entity && (made.json.entity as { id: string }).id, version: 2 });
    const again = await post(mentionRoute.POST, `/api/v1/annotations/${cid}/entity`, ann.token, { id: cid }, { create: { name: "Islamic State" } });
    expect(again.status).toBe(409);
  });

  it("suggests unlinked occurrences (IS but not is), accepts one, all, and remembers dismissals", async () => {
    const doc = await makeDocument(admin.actor, { text: `${TEXT} Second copy.`, project: project.slug });
    const path = `/api/v1/documents/${doc.id}/suggestions`;
    const get = async (token = ann.token) =>
      (await call(suggestionsRoute.GET, { path, token, params: { id: doc.id } })).json as {
        items: { entityId: string; entityName: string; start: number; end: number; text: string }[];
        nextCursor: string | null;
        entities: { name: string; count: number }[];
      };
    const s0 = await get();
    expect(s0.nextCursor).toBeNull();
    const isEntity = await entityByName("Islamic State");
    const isSugg = s0.items.filter((s) => s.entityId === isEntity.id);
    expect(isSugg.map((s) => s.text)).toEqual(["Daesh", "IS", "ISIL", "IS", "Daesh"]);
    for (const s of s0.items) expect(Array.from(TEXT).slice(s.start, s.end).join("")).toBe(s.text);
    expect(s0.items.find((s) => s.text === "Sergey V. Lavrov")).toBeTruthy();
    expect(s0.entities.find((e) => e.name === "Islamic State")?.count).toBe(5);
    expect((await call(suggestionsRoute.GET, { path, token: outsider.token, params: { id: doc.id } })).status).toBe(404);
    expect((await call(suggestionsRoute.GET, { path: `${path}?layer=gold`, token: ann.token, params: { id: doc.id } })).status).toBe(403);

    // an unlinked PERSON span at "Sergey V. Lavrov" gets linked, not duplicated
    const lv = spanAt(TEXT, "Sergey V. Lavrov", "PERSON");
    const existing = await post(annotations.POST, `/api/v1/documents/${doc.id}/annotations`, ann.token, { id: doc.id }, lv);
    const lavrov = await entityByName("Sergey Lavrov");
    const one = await post(acceptRoute.POST, `${path}/accept`, ann.token, { id: doc.id }, { entityId: lavrov.id, start: lv.start, end: lv.end });
    expect(one.status).toBe(201);
    expect(one.json.annotations).toEqual([expect.objectContaining({ id: existing.json.id, entityId: lavrov.id, version: 2 })]);
    expect((await post(acceptRoute.POST, `${path}/accept`, ann.token, { id: doc.id }, { entityId: lavrov.id, start: lv.start, end: lv.end })).status).toBe(404);

    // dismiss the last Daesh, accept all the others of the Islamic State
    const last = isSugg[4];
    const dismissed = await post(dismissRoute.POST, `${path}/dismiss`, ann.token, { id: doc.id }, { entityId: isEntity.id, start: last.start, end: last.end });
    expect(dismissed.status).toBe(200);
    const all = await post(acceptRoute.POST, `${path}/accept`, ann.token, { id: doc.id }, { entityId: isEntity.id, all: true });
    expect((all.json.annotations as { label: string; entityId: string }[]).map((a) => [a.label, a.entityId])).toEqual(Array(4).fill(["ORG", isEntity.id]));
    const after = await get();
    expect(after.items.filter((s) => s.entityId === isEntity.id)).toEqual([]);
    // another annotator still sees all five; dismissals are per user
    expect((await get(other.token)).items.filter((s) => s.entityId === isEntity.id)).toHaveLength(5);
    // dismissals never reach the export; accepted spans carry their entity
    const res = await call(exporter.GET, { path: `/api/v1/export?project=${project.slug}&layer=annotators&status=all`, token: reviewer.token });
    expect(res.status).toBe(200);
    const record = res.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .find((r) => r.id === doc.id);
    expect(record.spans).toHaveLength(5);
    for (const span of record.spans) expect(span.entity).toMatchObject({ id: span.entity_id });
    expect(record.spans.filter((s: { entity: { name: string } }) => s.entity.name === "Islamic State")).toHaveLength(4);
    expect(await db.annotation.count({ where: { reviewState: "DISMISSED", layer: { documentId: doc.id, kind: "SUGGESTIONS" } } })).toBe(1);
  });
});
