/**
 * A document's audit history: who changed what, when, before and after.
 * Reviewers and admins read it; under blind review, the document's
 * annotators appear to reviewers under their pseudonyms (lib/review/blind.ts),
 * in the actor and wherever their user id appears in a snapshot.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz";
import { getDocument } from "@/lib/documents/get-document";
import { isBlindFor, seenAs } from "@/lib/review/blind";
import type { Actor } from "@/lib/auth/actor";
import { cursorArgs, cursorPage } from "@/lib/db/cursor-page";

export const HistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().min(1).optional(),
  subject: z.enum(["ANNOTATION", "STANCE", "GRADE", "REVIEW", "LAYER", "DOC_LABEL", "THREAD"]).optional(),
});

export async function documentHistory(opts: { actor: Actor; documentId: string; query?: z.input<typeof HistoryQuery> }) {
  authorize(opts.actor, "history:view");
  const { limit, cursor, subject } = HistoryQuery.parse(opts.query ?? {});
  const doc = await getDocument(opts);
  const project = await db.project.findUniqueOrThrow({ where: { id: doc.projectId }, select: { id: true, blindReview: true } });
  const annotatorLayers = await db.layer.findMany({
    where: { documentId: doc.id, kind: "ANNOTATOR" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
  const annotators = new Map(annotatorLayers.flatMap((l) => (l.userId && l.user ? [[l.userId, l.user] as const] : [])));
  // annotators who wrote in the document's discussion threads without a layer of their own on it
  const writers = await db.user.findMany({
    where: { role: "ANNOTATOR", threadPosts: { some: { thread: { documentId: doc.id } } } },
    select: { id: true, name: true, email: true },
  });
  for (const w of writers) if (!annotators.has(w.id)) annotators.set(w.id, { name: w.name, email: w.email });
  const displayName = (actorId: string, name: string) => (annotators.has(actorId) ? seenAs(opts.actor, project, { id: actorId, name }).name : name);
  // Snapshots may carry annotators' ids (layer owners, creators): swapped for pseudonym ids, names and emails too.
  const blind = isBlindFor(opts.actor, project);
  const masks = new Map<string, string>();
  if (blind) {
    for (const [id, u] of annotators) {
      if (id === opts.actor.id) continue;
      const p = seenAs(opts.actor, project, { id, name: u.name });
      masks.set(id, p.id).set(u.name, p.name).set(u.email, p.name);
    }
  }
  const mask = (value: unknown): unknown => {
    if (!blind) return value;
    if (typeof value === "string") return masks.get(value) ?? value;
    if (Array.isArray(value)) return value.map(mask);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v)]));
    return value;
  };

  const rows = await db.auditEvent.findMany({
    where: { documentId: doc.id, ...(subject ? { subject } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...cursorArgs({ limit, cursor }),
    include: { actor: { select: { id: true, name: true } } },
  });
  const { page, nextCursor } = cursorPage(rows, limit);
  return {
    documentId: doc.id,
    title: doc.title,
    items: page.map((e) => ({
      id: e.id,
      at: e.createdAt.toISOString(),
      actor: displayName(e.actor.id, e.actor.name),
      subject: e.subject,
      subjectId: mask(e.subjectId) as string,
      action: e.action,
      before: mask(e.before),
      after: mask(e.after),
    })),
    nextCursor,
  };
}
export type HistoryEvent = Awaited<ReturnType<typeof documentHistory>>["items"][number];

/** The whole history as JSONL, oldest page first read in batches, newest event first. */
export async function* historyLines(opts: { actor: Actor; documentId: string }): AsyncGenerator<string> {
  let cursor: string | undefined;
  do {
    const page = await documentHistory({ ...opts, query: { limit: 500, cursor } });
    for (const e of page.items) yield JSON.stringify(e) + "\n";
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
