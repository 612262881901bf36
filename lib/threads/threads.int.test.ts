/**
 * Discussion threads (issue 15, item 1): visibility follows the anchor's
 * layer like the document's pages, blind review shows pseudonyms, mentions
 * reach only members who can see the thread, and every change is audited.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDocument, makeProject, makeUser, spanAt } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createGrade } from "@/lib/grades/grades";
import { pseudonym } from "@/lib/review/blind";
import * as docThreads from "@/app/api/v1/documents/[id]/threads/route";
import * as threadRoute from "@/app/api/v1/threads/[id]/route";
import * as replies from "@/app/api/v1/threads/[id]/replies/route";
import * as postRoute from "@/app/api/v1/thread-posts/[id]/route";
import * as inbox from "@/app/api/v1/inbox/route";
import * as inboxRead from "@/app/api/v1/inbox/read/route";
import * as exporter from "@/app/api/v1/export/route";
import * as history from "@/app/api/v1/documents/[id]/history/route";

type Ctx = Awaited<ReturnType<typeof makeUser>>;
let admin: Ctx, reviewer: Ctx, alice: Ctx, bob: Ctx, outsider: Ctx;
const TEXT = "Sergey V. Lavrov met John Kerry in Baghdad. Interfax reported it.";

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  reviewer = await makeUser("REVIEWER");
  alice = await makeUser("ANNOTATOR");
  bob = await makeUser("ANNOTATOR");
  outsider = await makeUser("ANNOTATOR");
});

type Thread = {
  id: string;
  resolved: boolean;
  canResolve: boolean;
  anchor: Record<string, unknown>;
  startedBy: { id: string; name: string };
  posts: { id: string; body: string; author: { id: string; name: string }; editedAt: string | null; mine: boolean }[];
};

const list = (c: Ctx, documentId: string) =>
  call(docThreads.GET, { path: `/api/v1/documents/${documentId}/threads`, token: c.token, params: { id: documentId } });
const start = (c: Ctx, documentId: string, body: unknown) =>
  call(docThreads.POST, { method: "POST", path: `/api/v1/documents/${documentId}/threads`, token: c.token, params: { id: documentId }, body });
const reply = (c: Ctx, id: string, body: unknown) =>
  call(replies.POST, { method: "POST", path: `/api/v1/threads/${id}/replies`, token: c.token, params: { id }, body });
const resolve = (c: Ctx, id: string, resolved: unknown) =>
  call(threadRoute.PATCH, { method: "PATCH", path: `/api/v1/threads/${id}`, token: c.token, params: { id }, body: { resolved } });
const edit = (c: Ctx, id: string, body: unknown) =>
  call(postRoute.PATCH, { method: "PATCH", path: `/api/v1/thread-posts/${id}`, token: c.token, params: { id }, body: { body } });
const myInbox = (c: Ctx, query = "") => call(inbox.GET, { path: `/api/v1/inbox${query}`, token: c.token });
const threadIds = async (c: Ctx, documentId: string) => ((await list(c, documentId)).json.items as Thread[]).map((t) => t.id).sort();

/** A project of every user made so far, minus `outsider`; a document with one span by Alice and one by Bob. */
async function setup(settings: { showOtherLayers?: boolean; blindReview?: boolean } = {}) {
  const project = await makeProject();
  await db.projectMember.deleteMany({ where: { projectId: project.id, userId: outsider.user.id } });
  await db.project.update({ where: { id: project.id }, data: settings });
  const doc = await makeDocument(admin.actor, { project: project.slug, text: TEXT });
  const { annotation: aliceSpan } = await createAnnotation({ actor: alice.actor, documentId: doc.id, input: spanAt(TEXT, "Baghdad", "GPE") });
  const { annotation: bobSpan } = await createAnnotation({ actor: bob.actor, documentId: doc.id, input: spanAt(TEXT, "John Kerry", "PERSON") });
  return { project, doc, aliceSpan, bobSpan };
}

describe(`discussion threads on ${process.env.DATABASE_URL?.split(":")[0]}`, () => {
  it("shows a thread on an annotator's span to them and to reviewers, not to other annotators; a document thread to every member", async () => {
    const { doc, aliceSpan } = await setup();
    const onSpan = await start(alice, doc.id, { anchor: { kind: "span", id: aliceSpan.id }, body: "Is Baghdad the right place?" });
    expect(onSpan.status).toBe(201);
    const t = onSpan.json as unknown as Thread;
    expect(t.anchor).toMatchObject({ kind: "span", id: aliceSpan.id, text: "Baghdad", label: "GPE", start: aliceSpan.start, end: aliceSpan.end });
    expect(t.posts).toHaveLength(1);
    expect(t.posts[0]).toMatchObject({ body: "Is Baghdad the right place?", mine: true, editedAt: null, author: { id: alice.user.id, name: alice.user.name } });
    const onDoc = (await start(bob, doc.id, { anchor: { kind: "document" }, body: "Which Lavrov?" })).json as unknown as Thread;

    expect(await threadIds(alice, doc.id)).toEqual([t.id, onDoc.id].sort());
    expect(await threadIds(reviewer, doc.id)).toEqual([t.id, onDoc.id].sort());
    expect(await threadIds(admin, doc.id)).toEqual([t.id, onDoc.id].sort());
    expect(await threadIds(bob, doc.id)).toEqual([onDoc.id]);
    expect((await list(outsider, doc.id)).status).toBe(404);

    const listed = (await list(reviewer, doc.id)).json;
    expect(listed.counts).toEqual(
      expect.arrayContaining([
        { kind: "span", id: aliceSpan.id, threads: 1, open: 1 },
        { kind: "document", id: null, threads: 1, open: 1 },
      ]),
    );

    // what one may not see answers 404, to reply, resolve and edit alike
    expect((await reply(bob, t.id, { body: "me too" })).status).toBe(404);
    expect((await resolve(bob, t.id, true)).status).toBe(404);
    expect((await edit(bob, t.posts[0].id, "x")).status).toBe(404);
    expect((await reply(outsider, onDoc.id, { body: "hi" })).status).toBe(404);
    // nor may one start a thread on a span one cannot see
    expect((await start(bob, doc.id, { anchor: { kind: "span", id: aliceSpan.id }, body: "sneaky" })).status).toBe(422);
  });

  it("shows annotators each other's threads when the project shows layers to each other; gold threads only to reviewers", async () => {
    const { doc, aliceSpan } = await setup({ showOtherLayers: true });
    const t = (await start(alice, doc.id, { anchor: { kind: "span", id: aliceSpan.id }, body: "Check this" })).json as unknown as Thread;
    expect(await threadIds(bob, doc.id)).toEqual([t.id]);
    expect((await reply(bob, t.id, { body: "Agreed" })).status).toBe(201);
    // with layers shown, another annotator can be mentioned on Alice's span; a deactivated member cannot
    const gone = await makeUser("ANNOTATOR");
    await db.projectMember.upsert({
      where: { projectId_userId: { projectId: doc.projectId, userId: gone.user.id } },
      create: { projectId: doc.projectId, userId: gone.user.id },
      update: {},
    });
    await db.user.update({ where: { id: gone.user.id }, data: { active: false } });
    const r = (await reply(alice, t.id, { body: `@${bob.user.name} and @${gone.user.name}?` })).json as unknown as Thread;
    expect((await db.mention.findMany({ where: { postId: r.posts.at(-1)!.id } })).map((m) => m.userId)).toEqual([bob.user.id]);

    const gold = await db.layer.create({ data: { documentId: doc.id, slot: "gold", kind: "GOLD" } });
    const label = await db.label.findFirstOrThrow({ where: { projectId: doc.projectId, name: "GPE" } });
    const goldSpan = await db.annotation.create({
      data: { layerId: gold.id, start: aliceSpan.start, end: aliceSpan.end, text: "Baghdad", labelId: label.id, createdById: reviewer.user.id },
    });
    const g = (await start(reviewer, doc.id, { anchor: { kind: "span", id: goldSpan.id }, body: "Gold check" })).json as unknown as Thread;
    expect(await threadIds(reviewer, doc.id)).toEqual([t.id, g.id].sort());
    expect(await threadIds(alice, doc.id)).toEqual([t.id]);
    expect((await start(alice, doc.id, { anchor: { kind: "span", id: goldSpan.id }, body: "x" })).status).toBe(422);
  });

  it("anchors threads on stances and grades, with a summary of what they were", async () => {
    const { doc, project } = await setup();
    const kerry = await db.canonicalEntity.create({ data: { projectId: project.id, name: "John Kerry", type: "PERSON" } });
    const target = await db.stanceTarget.create({ data: { projectId: project.id, text: "the ceasefire" } });
    const layer = await db.layer.findFirstOrThrow({ where: { documentId: doc.id, userId: alice.user.id } });
    const stance = await db.stance.create({
      data: { layerId: layer.id, holderId: kerry.id, targetId: target.id, polarity: "FAVOR", documentLevel: true, createdById: alice.user.id },
    });
    const s = await start(alice, doc.id, { anchor: { kind: "stance", id: stance.id }, body: "Favor, really?" });
    expect(s.status).toBe(201);
    expect(s.json.anchor).toMatchObject({ kind: "stance", id: stance.id, holder: "John Kerry", target: "the ceasefire", polarity: "FAVOR", layerId: layer.id });
    const { grade } = await createGrade({ actor: alice.actor, documentId: doc.id, input: { reliability: "B", credibility: 2 } });
    const g = await start(alice, doc.id, { anchor: { kind: "grade", id: grade.id }, body: "B2?" });
    expect(g.status).toBe(201);
    expect(g.json.anchor).toMatchObject({ kind: "grade", id: grade.id, reliability: "B", credibility: 2 });
    expect(await threadIds(bob, doc.id)).toEqual([]);
    expect((await start(alice, doc.id, { anchor: { kind: "stance", id: "nope" }, body: "x" })).status).toBe(422);
  });

  it("validates bodies and anchors: 400 for the wrong shape, 422 for an anchor not of the document", async () => {
    const { doc, aliceSpan } = await setup();
    const other = await setup();
    expect((await start(alice, doc.id, { anchor: { kind: "document" }, body: "" })).status).toBe(400);
    expect((await start(alice, doc.id, { anchor: { kind: "document" }, body: "   " })).status).toBe(400);
    expect((await start(alice, doc.id, { anchor: { kind: "document" }, body: "x".repeat(5001) })).status).toBe(400);
    expect((await start(alice, doc.id, { anchor: { kind: "document" }, body: "x".repeat(5000) })).status).toBe(201);
    expect((await start(alice, doc.id, { anchor: { kind: "paragraph", id: "p" }, body: "x" })).status).toBe(400);
    expect((await start(alice, doc.id, { anchor: { kind: "span" }, body: "x" })).status).toBe(400);
    expect((await start(alice, doc.id, { body: "x" })).status).toBe(400);
    expect((await start(alice, other.doc.id, { anchor: { kind: "span", id: aliceSpan.id }, body: "x" })).status).toBe(422);
    const t = (await start(alice, doc.id, { anchor: { kind: "document" }, body: "ok" })).json as unknown as Thread;
    expect((await reply(alice, t.id, { body: "" })).status).toBe(400);
    expect((await resolve(reviewer, t.id, "yes")).status).toBe(400);
    expect((await edit(alice, t.posts[0].id, "")).status).toBe(400);
    expect((await reply(alice, "no-such-thread", { body: "x" })).status).toBe(404);
  });

  it("lets only the author edit a post (403 for others who can see it), marks it edited, and audits every change", async () => {
    const { doc, aliceSpan } = await setup();
    const t = (await start(alice, doc.id, { anchor: { kind: "span", id: aliceSpan.id }, body: "first" })).json as unknown as Thread;
    const r = (await reply(reviewer, t.id, { body: "reviewer says" })).json as unknown as Thread;
    expect(r.posts.map((p) => p.body)).toEqual(["first", "reviewer says"]);
    const reviewerPost = r.posts[1];
    expect((await edit(alice, reviewerPost.id, "hijack")).status).toBe(403);
    expect((await edit(admin, t.posts[0].id, "hijack")).status).toBe(403);
    const edited = await edit(alice, t.posts[0].id, "first, corrected");
    expect(edited.status).toBe(200);
    const post = (edited.json as unknown as Thread).posts[0];
    expect(post.body).toBe("first, corrected");
    expect(post.editedAt).not.toBeNull();

    expect((await resolve(reviewer, t.id, true)).json).toMatchObject({ resolved: true, resolvedBy: { id: reviewer.user.id } });
    expect((await resolve(alice, t.id, false)).json).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });

    const audit = await db.auditEvent.findMany({ where: { subject: "THREAD", subjectId: t.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["CREATE", alice.user.id],
      ["REPLY", reviewer.user.id],
      ["EDIT_POST", alice.user.id],
      ["RESOLVE", reviewer.user.id],
      ["REOPEN", alice.user.id],
    ]);
    expect(audit.every((a) => a.documentId === doc.id && a.projectId === doc.projectId)).toBe(true);
    expect(audit[2].before).toMatchObject({ body: "first" });
    expect(audit[2].after).toMatchObject({ body: "first, corrected" });
  });

  it("lets reviewers, admins and the starter resolve and reopen, nobody else", async () => {
    const { doc } = await setup();
    const t = (await start(alice, doc.id, { anchor: { kind: "document" }, body: "doc question" })).json as unknown as Thread;
    expect(t.canResolve).toBe(true);
    expect(((await list(bob, doc.id)).json.items as Thread[])[0].canResolve).toBe(false);
    expect((await resolve(bob, t.id, true)).status).toBe(403);
    expect((await resolve(alice, t.id, true)).json.resolved).toBe(true);
    expect((await resolve(admin, t.id, false)).json.resolved).toBe(false);
    expect((await resolve(reviewer, t.id, true)).json.resolved).toBe(true);
    // the same state again changes nothing and records nothing
    expect((await resolve(reviewer, t.id, true)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { subjectId: t.id, action: { in: ["RESOLVE", "REOPEN"] } } })).toBe(3);
    expect((await list(reviewer, doc.id)).json.counts).toEqual([{ kind: "document", id: null, threads: 1, open: 0 }]);
  });

  it("turns @mentions into inbox items only for members who can see the thread", async () => {
    const { doc, aliceSpan } = await setup();
    const localPart = (c: Ctx) => c.user.email.split("@")[0];
    const body = `@${bob.user.name.toUpperCase()} and @${reviewer.user.name} and @${localPart(outsider)} and @${localPart(admin)} look`;
    const t = (await start(alice, doc.id, { anchor: { kind: "span", id: aliceSpan.id }, body })).json as unknown as Thread;
    const mentioned = await db.mention.findMany({ where: { postId: t.posts[0].id } });
    // Bob cannot see Alice's layer; the outsider is no member
    expect(mentioned.map((m) => m.userId).sort()).toEqual([reviewer.user.id, admin.user.id].sort());

    const box = await myInbox(reviewer);
    expect(box.status).toBe(200);
    expect(box.json.unread).toBeGreaterThanOrEqual(1);
    const item = (box.json.items as { id: string; thread: { id: string }; post: { author: { name: string } }; href: string; readAt: string | null }[]).find(
      (i) => i.thread.id === t.id,
    )!;
    expect(item).toMatchObject({
      readAt: null,
      post: { author: { name: alice.user.name } },
      href: `/documents/${doc.id}?at=${aliceSpan.start}-${aliceSpan.end}`,
    });
    expect(((await myInbox(bob)).json.items as { thread: { id: string } }[]).some((i) => i.thread.id === t.id)).toBe(false);

    // a reply mentioning oneself and someone new; an edit that drops a mention takes its inbox item back
    const r = (await reply(reviewer, t.id, { body: `@${reviewer.user.name} @${alice.user.name} see the guideline` })).json as unknown as Thread;
    const replyPost = r.posts[1];
    expect((await db.mention.findMany({ where: { postId: replyPost.id } })).map((m) => m.userId)).toEqual([alice.user.id]);
    await edit(reviewer, replyPost.id, "never mind");
    expect(await db.mention.count({ where: { postId: replyPost.id } })).toBe(0);

    const before = (await myInbox(reviewer)).json.unread as number;
    const read = await call(inboxRead.POST, { method: "POST", path: "/api/v1/inbox/read", token: reviewer.token, body: { ids: [item.id] } });
    expect(read.status).toBe(200);
    expect(read.json).toEqual({ marked: 1, unread: before - 1 });
    const all = await call(inboxRead.POST, { method: "POST", path: "/api/v1/inbox/read", token: reviewer.token });
    expect(all.json.unread).toBe(0);
    expect((await call(inboxRead.POST, { method: "POST", path: "/api/v1/inbox/read", token: reviewer.token, body: { ids: "x" } })).status).toBe(400);
  });

  it("pages the inbox newest first", async () => {
    const { doc } = await setup();
    const carol = await makeUser("ANNOTATOR");
    await db.projectMember.upsert({
      where: { projectId_userId: { projectId: doc.projectId, userId: carol.user.id } },
      create: { projectId: doc.projectId, userId: carol.user.id },
      update: {},
    });
    for (let i = 0; i < 3; i++) await start(alice, doc.id, { anchor: { kind: "document" }, body: `@${carol.user.name} number ${i}` });
    const first = await myInbox(carol, "?limit=2");
    expect((first.json.items as { post: { body: string } }[]).map((i) => i.post.body)).toEqual([
      `@${carol.user.name} number 2`,
      `@${carol.user.name} number 1`,
    ]);
    expect(first.json.unread).toBe(3);
    const second = await myInbox(carol, `?limit=2&cursor=${first.json.nextCursor}`);
    expect((second.json.items as { post: { body: string } }[]).map((i) => i.post.body)).toEqual([`@${carol.user.name} number 0`]);
    expect(second.json.nextCursor).toBeNull();
    expect((await myInbox(carol, "?limit=0")).status).toBe(400);
  });

  it("shows authors as pseudonyms to a reviewer under blind review, who mentions them by pseudonym", async () => {
    const { doc, project, aliceSpan } = await setup({ blindReview: true });
    const t = (await start(alice, doc.id, { anchor: { kind: "span", id: aliceSpan.id }, body: "Is this a city?" })).json as unknown as Thread;
    const seen = await list(reviewer, doc.id);
    const alias = pseudonym(project.id, alice.user.id);
    const thread = (seen.json.items as Thread[])[0];
    expect(thread.posts[0].author).toEqual(alias);
    expect(thread.startedBy).toEqual(alias);
    for (const secret of [alice.user.name, alice.user.email, alice.user.id]) expect(seen.text).not.toContain(secret);
    // admins and Alice herself see the name
    expect(((await list(admin, doc.id)).json.items as Thread[])[0].posts[0].author.name).toBe(alice.user.name);

    const r = await reply(reviewer, t.id, { body: `@${alias.name} yes, a city` });
    expect(r.status).toBe(201);
    expect(r.text).not.toContain(alice.user.name);
    const replyId = (r.json as unknown as Thread).posts[1].id;
    expect((await db.mention.findMany({ where: { postId: replyId } })).map((m) => m.userId)).toEqual([alice.user.id]);
    // the real name does not mention anyone for a blind reviewer
    const r2 = (await reply(reviewer, t.id, { body: `@${alice.user.name} again` })).json as unknown as Thread;
    expect(await db.mention.count({ where: { postId: r2.posts[2].id } })).toBe(0);

    // reviewers and admins keep their names; the history hides Bob, who only wrote in a thread
    await reply(admin, t.id, { body: "admin here" });
    const onDoc = (await start(bob, doc.id, { anchor: { kind: "document" }, body: "Bob's question" })).json as unknown as Thread;
    const again = (await list(reviewer, doc.id)).json.items as Thread[];
    expect(again.find((x) => x.id === t.id)!.posts.map((p) => p.author.name)).toEqual([alias.name, reviewer.user.name, reviewer.user.name, admin.user.name]);
    expect(again.find((x) => x.id === onDoc.id)!.posts[0].author).toEqual(pseudonym(project.id, bob.user.id));
    const hist = await call(history.GET as never, {
      path: `/api/v1/documents/${doc.id}/history?subject=THREAD`,
      token: reviewer.token,
      params: { id: doc.id },
    });
    expect(hist.status).toBe(200);
    expect((hist.json.items as { subject: string }[]).every((e) => e.subject === "THREAD")).toBe(true);
    expect((hist.json.items as unknown[]).length).toBeGreaterThanOrEqual(5);
    for (const secret of [alice.user.email, alice.user.id, bob.user.name, bob.user.email, bob.user.id]) expect(hist.text).not.toContain(secret);
    // (Alice's name is in a post the reviewer wrote above: what people write is theirs; the actors are not)
    expect((hist.json.items as { actor: string }[]).map((e) => e.actor)).not.toContain(alice.user.name);

    // and in the reviewer's inbox, Alice's mention of them is pseudonymous too
    await reply(alice, t.id, { body: `@${reviewer.user.name} thanks` });
    const items = ((await myInbox(reviewer)).json.items as { document: { id: string } }[]).filter((i) => i.document.id === doc.id);
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items)).not.toContain(alice.user.name);
    expect(items[0]).toMatchObject({ post: { author: alias } });
  });

  it("puts the threads the exporter may see in native records with threads=1, pseudonymous under blind review, in the chosen offsets", async () => {
    const { project, doc, aliceSpan } = await setup({ blindReview: true });
    await start(alice, doc.id, { anchor: { kind: "span", id: aliceSpan.id }, body: "City or region?" });
    const t = (await start(bob, doc.id, { anchor: { kind: "document" }, body: "Which Lavrov?" })).json as unknown as Thread;
    await reply(reviewer, t.id, { body: "The minister" });
    await resolve(reviewer, t.id, true);
    const exportAs = (c: Ctx, query: string) =>
      call(exporter.GET, { path: `/api/v1/export?project=${project.slug}&layer=annotators&status=all&manifest=none${query}`, token: c.token });

    const plain = await exportAs(reviewer, "");
    expect(plain.status).toBe(200);
    expect(JSON.parse(plain.text.trim().split("\n")[0])).not.toHaveProperty("threads");

    const withThreads = await exportAs(reviewer, "&threads=1");
    expect(withThreads.status).toBe(200);
    const record = JSON.parse(withThreads.text.trim().split("\n")[0]) as {
      threads: { anchor: Record<string, unknown>; resolved: boolean; posts: { author: { id: string; name: string }; body: string; createdAt: string }[] }[];
    };
    expect(record.threads).toHaveLength(2);
    expect(record.threads[0]).toMatchObject({
      anchor: { kind: "span", id: aliceSpan.id, layer: "annotator", text: "Baghdad", label: "GPE", start: aliceSpan.start, end: aliceSpan.end },
      resolved: false,
    });
    expect(record.threads[0].posts[0]).toMatchObject({ author: pseudonym(project.id, alice.user.id), body: "City or region?" });
    expect(record.threads[1]).toMatchObject({ anchor: { kind: "document", id: null, layer: null }, resolved: true });
    expect(record.threads[1].posts.map((p) => [p.author.name, p.body])).toEqual([
      [pseudonym(project.id, bob.user.id).name, "Which Lavrov?"],
      [reviewer.user.name, "The minister"],
    ]);
    for (const secret of [alice.user.name, bob.user.name, alice.user.id, bob.user.id]) expect(withThreads.text).not.toContain(secret);

    // the admin sees names; threads only in the native format
    const asAdmin = JSON.parse((await exportAs(admin, "&threads=1")).text.trim().split("\n")[0]) as typeof record;
    expect(asAdmin.threads[0].posts[0].author.name).toBe(alice.user.name);
    expect((await exportAs(reviewer, "&threads=1&format=spacy")).status).toBe(400);
  });

  it("converts thread anchors to UTF-16 offsets with the rest of the record", async () => {
    const text = "😀 Lavrov met Kerry in Baghdad.";
    const project = await makeProject();
    const doc = await makeDocument(admin.actor, { project: project.slug, text });
    const { annotation } = await createAnnotation({ actor: alice.actor, documentId: doc.id, input: spanAt(text, "Baghdad", "GPE") });
    await start(alice, doc.id, { anchor: { kind: "span", id: annotation.id }, body: "here" });
    const res = await call(exporter.GET, {
      path: `/api/v1/export?project=${project.slug}&layer=annotators&status=all&manifest=none&threads=1&offsets=utf16`,
      token: reviewer.token,
    });
    const record = JSON.parse(res.text.trim().split("\n")[0]) as { text: string; threads: { anchor: { start: number; end: number } }[] };
    const { start: s, end: e } = record.threads[0].anchor;
    expect(record.text.slice(s, e)).toBe("Baghdad");
  });
});
