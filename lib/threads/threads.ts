/**
 * Discussion threads on a span, a stance, a grade or the document itself:
 * start one with its first post, reply, edit one's own post, resolve and
 * reopen. Anyone who may see a thread may post in it; resolving is for
 * reviewers, admins and whoever started it. Every change is audited in its
 * transaction; `@name` mentions become inbox items (lib/threads/inbox.ts) of
 * the members who can see the thread.
 */
import type { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { canResolveThread, canSeeThread } from "@/lib/authz";
import { getDocument } from "@/lib/documents/get-document";
import { recordAudit } from "@/lib/audit/record-audit";
import { jsonInput } from "@/lib/db/json-value";
import type { Actor } from "@/lib/auth/actor";
import { findMentions } from "./mentions";
import { CreateThreadInput, EditPostInput, ReplyInput, ResolveInput } from "./thread-input";
import { mentionCandidates, projectOf, resolveAnchor, visiblePost, visibleThread, type AnchorLayer, type ThreadProject } from "./thread-access";
import { anchorView, countByAnchor, threadInclude, threadView, type AnchorCount, type Author, type ThreadRow, type ThreadView } from "./thread-view";
import { publishThreadChange } from "./publish-thread";

/** The starters and resolvers of these threads. */
async function peopleOf(rows: ThreadRow[]): Promise<Map<string, Author>> {
  const ids = new Set<string>();
  for (const r of rows) {
    ids.add(r.createdById);
    if (r.resolvedById) ids.add(r.resolvedById);
  }
  const users = await db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true, role: true } });
  return new Map(users.map((u) => [u.id, u]));
}

async function viewOne(actor: Actor, project: ThreadProject, threadId: string): Promise<ThreadView> {
  const row = await db.thread.findUniqueOrThrow({ where: { id: threadId }, include: threadInclude });
  return threadView(actor, project, row, await peopleOf([row]));
}

/** The threads of a document the actor may see, oldest first, with their posts, and the count per anchor. */
export async function listThreads(opts: { actor: Actor; documentId: string }): Promise<{ items: ThreadView[]; nextCursor: null; counts: AnchorCount[] }> {
  const doc = await getDocument(opts);
  const project = await projectOf(doc.projectId);
  const rows = await db.thread.findMany({
    where: { documentId: doc.id },
    include: { ...threadInclude, layer: { select: { id: true, kind: true, userId: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const visible = rows.filter((r) => canSeeThread(opts.actor, project, r.layer));
  const people = await peopleOf(visible);
  const items = visible.map((r) => threadView(opts.actor, project, r, people));
  return { items, nextCursor: null, counts: countByAnchor(items) };
}

/** Writes the post's mentions: of members who can see the thread, now named in the body; others removed. */
async function syncMentions(tx: Tx, opts: { writer: Actor; project: ThreadProject; layer: AnchorLayer | null; postId: string; body: string }) {
  const candidates = await mentionCandidates(tx, opts.writer, opts.project, opts.layer);
  const mentioned = findMentions(opts.body, candidates);
  await tx.mention.deleteMany({ where: { postId: opts.postId, userId: { notIn: mentioned } } });
  const existing = new Set((await tx.mention.findMany({ where: { postId: opts.postId }, select: { userId: true } })).map((m) => m.userId));
  for (const userId of mentioned) if (!existing.has(userId)) await tx.mention.create({ data: { postId: opts.postId, userId } });
  return mentioned;
}

export async function createThread(opts: { actor: Actor; documentId: string; input: z.input<typeof CreateThreadInput> }): Promise<ThreadView> {
  const input = CreateThreadInput.parse(opts.input);
  const doc = await getDocument(opts);
  const project = await projectOf(doc.projectId);
  const anchor = await resolveAnchor(opts.actor, doc, project, input.anchor);
  const { threadId, mentioned } = await db.$transaction(async (tx) => {
    const thread = await tx.thread.create({
      data: {
        documentId: doc.id,
        anchorKind: anchor.anchorKind,
        anchorId: anchor.anchorId,
        layerId: anchor.layer?.id ?? null,
        anchorSnapshot: jsonInput(anchor.snapshot),
        createdById: opts.actor.id,
        posts: { create: { authorId: opts.actor.id, body: input.body } },
      },
      include: { posts: { select: { id: true } } },
    });
    const postId = thread.posts[0].id;
    const mentioned = await syncMentions(tx, { writer: opts.actor, project, layer: anchor.layer, postId, body: input.body });
    await recordAudit(tx, {
      projectId: doc.projectId,
      documentId: doc.id,
      actorId: opts.actor.id,
      subject: "THREAD",
      subjectId: thread.id,
      action: "CREATE",
      after: { anchor: anchorView(thread), postId, body: input.body, mentions: mentioned.length },
    });
    return { threadId: thread.id, mentioned };
  });
  await publishThreadChange({ documentId: doc.id, projectId: doc.projectId, threadId, layer: anchor.layer, actorId: opts.actor.id, mentioned });
  return viewOne(opts.actor, project, threadId);
}

export async function replyToThread(opts: { actor: Actor; threadId: string; input: z.input<typeof ReplyInput> }): Promise<ThreadView> {
  const input = ReplyInput.parse(opts.input);
  const thread = await visibleThread(opts.actor, opts.threadId);
  const { project } = thread.document;
  const mentioned = await db.$transaction(async (tx) => {
    const post = await tx.threadPost.create({ data: { threadId: thread.id, authorId: opts.actor.id, body: input.body } });
    await tx.thread.update({ where: { id: thread.id }, data: { updatedAt: new Date() } });
    const mentioned = await syncMentions(tx, { writer: opts.actor, project, layer: thread.layer, postId: post.id, body: input.body });
    await recordAudit(tx, {
      projectId: thread.document.projectId,
      documentId: thread.documentId,
      actorId: opts.actor.id,
      subject: "THREAD",
      subjectId: thread.id,
      action: "REPLY",
      after: { postId: post.id, body: input.body, mentions: mentioned.length },
    });
    return mentioned;
  });
  await publishThreadChange({
    documentId: thread.documentId,
    projectId: thread.document.projectId,
    threadId: thread.id,
    layer: thread.layer,
    actorId: opts.actor.id,
    mentioned,
  });
  return viewOne(opts.actor, project, thread.id);
}

/** Only the author edits a post (403 for anyone else who can see it); mentions follow the new text. */
export async function editPost(opts: { actor: Actor; postId: string; input: z.input<typeof EditPostInput> }): Promise<ThreadView> {
  const input = EditPostInput.parse(opts.input);
  const { post, thread } = await visiblePost(opts.actor, opts.postId);
  if (post.authorId !== opts.actor.id) throw forbidden("Only its author may edit a post");
  const { project } = thread.document;
  if (post.body === input.body) return viewOne(opts.actor, project, thread.id);
  const before = new Set((await db.mention.findMany({ where: { postId: post.id }, select: { userId: true } })).map((m) => m.userId));
  const mentioned = await db.$transaction(async (tx) => {
    await tx.threadPost.update({ where: { id: post.id }, data: { body: input.body, editedAt: new Date() } });
    const mentioned = await syncMentions(tx, { writer: opts.actor, project, layer: thread.layer, postId: post.id, body: input.body });
    await recordAudit(tx, {
      projectId: thread.document.projectId,
      documentId: thread.documentId,
      actorId: opts.actor.id,
      subject: "THREAD",
      subjectId: thread.id,
      action: "EDIT_POST",
      before: { postId: post.id, body: post.body },
      after: { postId: post.id, body: input.body, mentions: mentioned.length },
    });
    return mentioned;
  });
  await publishThreadChange({
    documentId: thread.documentId,
    projectId: thread.document.projectId,
    threadId: thread.id,
    layer: thread.layer,
    actorId: opts.actor.id,
    mentioned: mentioned.filter((id) => !before.has(id)),
  });
  return viewOne(opts.actor, project, thread.id);
}

/** Resolve or reopen: reviewers, admins and the thread's starter (403 for others who can see it). */
export async function setThreadResolved(opts: { actor: Actor; threadId: string; input: z.input<typeof ResolveInput> }): Promise<ThreadView> {
  const { resolved } = ResolveInput.parse(opts.input);
  const thread = await visibleThread(opts.actor, opts.threadId);
  if (!canResolveThread(opts.actor, thread)) throw forbidden("Only reviewers, admins and whoever started the thread may resolve or reopen it");
  const { project } = thread.document;
  if (thread.resolved === resolved) return viewOne(opts.actor, project, thread.id);
  await db.$transaction(async (tx) => {
    await tx.thread.update({
      where: { id: thread.id },
      data: resolved ? { resolved, resolvedById: opts.actor.id, resolvedAt: new Date() } : { resolved, resolvedById: null, resolvedAt: null },
    });
    await recordAudit(tx, {
      projectId: thread.document.projectId,
      documentId: thread.documentId,
      actorId: opts.actor.id,
      subject: "THREAD",
      subjectId: thread.id,
      action: resolved ? "RESOLVE" : "REOPEN",
      before: { resolved: thread.resolved },
      after: { resolved },
    });
  });
  await publishThreadChange({
    documentId: thread.documentId,
    projectId: thread.document.projectId,
    threadId: thread.id,
    layer: thread.layer,
    actorId: opts.actor.id,
    mentioned: [],
  });
  return viewOne(opts.actor, project, thread.id);
}
