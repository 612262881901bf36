/**
 * A document's audit history: who changed what, when, before and after.
 * Reviewers and admins read it; under blind review, annotators' names are
 * replaced by the same "Annotator N" the review page shows.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz";
import { getDocument } from "@/lib/documents/get-document";
import { annotatorName } from "@/lib/review/pseudonyms";
import type { Actor } from "@/lib/auth/actor";
import { cursorArgs, cursorPage } from "@/lib/db/cursor-page";

export const HistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().min(1).optional(),
  subject: z.enum(["ANNOTATION", "STANCE", "GRADE", "REVIEW", "LAYER"]).optional(),
});

const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as unknown));

export async function documentHistory(opts: { actor: Actor; documentId: string; query?: z.input<typeof HistoryQuery> }) {
  authorize(opts.actor, "history:view");
  const { limit, cursor, subject } = HistoryQuery.parse(opts.query ?? {});
  const doc = await getDocument(opts);
  const project = await db.project.findUniqueOrThrow({ where: { id: doc.projectId }, select: { blindReview: true } });
  const annotatorLayers = await db.layer.findMany({
    where: { documentId: doc.id, kind: "ANNOTATOR" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { userId: true },
  });
  const position = new Map(annotatorLayers.map((l, i) => [l.userId, i]));
  const displayName = (actorId: string, name: string) => {
    const i = position.get(actorId);
    return i === undefined ? name : annotatorName({ blind: project.blindReview, position: i, name });
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
      subjectId: e.subjectId,
      action: e.action,
      before: parse(e.before),
      after: parse(e.after),
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
