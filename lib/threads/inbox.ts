/**
 * The inbox: posts that mention the actor, newest first, with the unread
 * count (the navigation's badge). Only mentions in threads the actor can
 * still see are listed or counted.
 */
import type { z } from "zod";
import { db } from "@/lib/db";
import { canSeeThread, documentScope } from "@/lib/authz";
import type { Person } from "@/lib/review/blind";
import type { Actor } from "@/lib/auth/actor";
import { InboxQuery, MarkReadInput } from "./thread-input";
import { anchorView, authorAs, authorSelect, type ThreadAnchorView } from "./thread-view";

export type InboxItem = {
  id: string;
  createdAt: string;
  readAt: string | null;
  document: { id: string; title: string };
  thread: { id: string; resolved: boolean; anchor: ThreadAnchorView };
  post: { id: string; author: Person; body: string; createdAt: string; editedAt: string | null };
  /** the document's page, at the passage when the thread is about one */
  href: string;
};

const mentionInclude = {
  post: {
    select: {
      id: true,
      body: true,
      createdAt: true,
      editedAt: true,
      author: authorSelect,
      thread: {
        select: {
          id: true,
          resolved: true,
          anchorKind: true,
          anchorId: true,
          layerId: true,
          anchorSnapshot: true,
          layer: { select: { kind: true, userId: true } },
          document: { select: { id: true, title: true, project: { select: { id: true, showOtherLayers: true, blindReview: true } } } },
        },
      },
    },
  },
} as const;

const inScope = (actor: Actor) => ({ userId: actor.id, post: { thread: { document: documentScope(actor) } } });

type MentionRow = Awaited<ReturnType<typeof readMentions>>[number];
const readMentions = (where: object, skip = 0, take?: number) =>
  db.mention.findMany({ where, include: mentionInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take });

const visibleTo = (actor: Actor) => (m: MentionRow) => canSeeThread(actor, m.post.thread.document.project, m.post.thread.layer);

function inboxItem(actor: Actor, m: MentionRow): InboxItem {
  const { thread } = m.post;
  const anchor = anchorView(thread);
  const at = anchor.start !== undefined && anchor.end !== undefined ? `?at=${anchor.start}-${anchor.end}` : "";
  return {
    id: m.id,
    createdAt: m.createdAt.toISOString(),
    readAt: m.readAt?.toISOString() ?? null,
    document: { id: thread.document.id, title: thread.document.title },
    thread: { id: thread.id, resolved: thread.resolved, anchor },
    post: {
      id: m.post.id,
      author: authorAs(actor, thread.document.project, m.post.author),
      body: m.post.body,
      createdAt: m.post.createdAt.toISOString(),
      editedAt: m.post.editedAt?.toISOString() ?? null,
    },
    href: `/documents/${thread.document.id}${at}`,
  };
}

/** How many of the actor's mentions are unread. */
export async function unreadCount(opts: { actor: Actor }): Promise<number> {
  const rows = await db.mention.findMany({
    where: { ...inScope(opts.actor), readAt: null },
    select: {
      post: {
        select: {
          thread: { select: { layer: { select: { kind: true, userId: true } }, document: { select: { project: { select: { showOtherLayers: true } } } } } },
        },
      },
    },
  });
  return rows.filter((m) => canSeeThread(opts.actor, m.post.thread.document.project, m.post.thread.layer)).length;
}

/** A page of the actor's mentions, newest first; `?unread=1` for the unread ones only. */
export async function listInbox(opts: {
  actor: Actor;
  query?: z.input<typeof InboxQuery>;
}): Promise<{ items: InboxItem[]; nextCursor: string | null; unread: number }> {
  const q = InboxQuery.parse(opts.query ?? {});
  const offset = q.cursor ? Number(q.cursor) : 0;
  const where = { ...inScope(opts.actor), ...(q.unread === "1" ? { readAt: null } : {}) };
  const rows = await readMentions(where, offset, q.limit + 1);
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  return {
    items: page.filter(visibleTo(opts.actor)).map((m) => inboxItem(opts.actor, m)),
    nextCursor: more ? String(offset + q.limit) : null,
    unread: await unreadCount(opts),
  };
}

/** Marks the actor's mentions read: those named, or all of them. Answers how many changed and how many stay unread. */
export async function markMentionsRead(opts: { actor: Actor; input: z.input<typeof MarkReadInput> }): Promise<{ marked: number; unread: number }> {
  const { ids } = MarkReadInput.parse(opts.input);
  const { count } = await db.mention.updateMany({
    where: { userId: opts.actor.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { marked: count, unread: await unreadCount(opts) };
}
