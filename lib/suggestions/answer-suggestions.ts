/**
 * An annotator accepts suggestions (a copy of each joins their own layer,
 * origin kept) or rejects them (not shown to them again, and never proposed
 * again by a rerun). Accepting many at once goes in chunks with the event
 * loop given back between them.
 */
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { databaseProvider } from "@/lib/db/url";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/db/new-id";
import { jsonRows, timestampParam } from "@/lib/db/json-rows";
import { layerForWrite } from "@/lib/layers/layer-for-write";
import { SPANS_PER_TRANSACTION } from "@/lib/import/write-document";
import { insertSpanRows } from "@/lib/annotations/insert-span-rows";
import { yieldToEventLoop } from "@/lib/util/time-slice";
import type { Actor } from "@/lib/auth/actor";
import { getDocument } from "@/lib/documents/get-document";
import { openModelSuggestions, type OpenSuggestion } from "./open-suggestions";

export const AcceptModelSuggestionsInput = z
  .object({
    /** these suggestions; or, when left out, every open one (of `label`, of `origin`, when given) */
    ids: z.array(z.string().min(1).max(200)).min(1).max(10_000).optional(),
    label: z.string().min(1).max(100).optional(),
    origin: z.string().min(1).max(200).optional(),
  })
  .strict();
export const RejectModelSuggestionsInput = z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(10_000) }).strict();

function chosen(open: OpenSuggestion[], input: { ids?: string[]; label?: string; origin?: string }) {
  if (input.ids) {
    const byId = new Map(open.map((s) => [s.id, s]));
    const missing = input.ids.filter((id) => !byId.has(id));
    if (missing.length)
      throw new AppError("CONFLICT", `Not an open suggestion of this document for you (answered already, or gone): ${missing.slice(0, 5).join(", ")}`);
    return [...new Set(input.ids)].map((id) => byId.get(id)!);
  }
  return open.filter((s) => (!input.label || s.label === input.label) && (!input.origin || s.origin === input.origin));
}

export async function acceptModelSuggestions(opts: { actor: Actor; documentId: string; input: z.input<typeof AcceptModelSuggestionsInput> }) {
  const input = AcceptModelSuggestionsInput.parse(opts.input);
  const open = await openModelSuggestions(opts);
  const doc = await getDocument(opts);
  const picked = chosen(open, input);
  const labelIds = new Map((await db.label.findMany({ where: { projectId: doc.projectId }, select: { id: true, name: true } })).map((l) => [l.name, l.id]));
  const created: { id: string; suggestionId: string }[] = [];
  for (let from = 0; from < Math.max(picked.length, 1); from += SPANS_PER_TRANSACTION) {
    const chunk = picked.slice(from, from + SPANS_PER_TRANSACTION);
    if (chunk.length === 0) break;
    await db.$transaction(async (tx) => {
      const layer = await layerForWrite(tx, { actor: opts.actor, documentId: doc.id, target: "own" });
      const now = timestampParam(new Date());
      const rows = chunk.map((s) => ({
        id: newId(),
        suggestionId: s.id,
        start: s.start,
        end: s.end,
        text: s.text,
        labelId: labelIds.get(s.label)!,
        entityId: s.entityId,
        origin: s.origin,
      }));
      await insertSpanRows(tx, layer.id, opts.actor.id, rows);
      await insertVerdicts(
        tx,
        opts.actor.id,
        rows.map((r) => r.suggestionId),
        "ACCEPTED",
      );
      const audits = rows.map((r) => ({
        id: newId(),
        subjectId: r.id,
        after: JSON.stringify({
          layerId: layer.id,
          start: r.start,
          end: r.end,
          text: r.text,
          label: chunk.find((c) => c.id === r.suggestionId)!.label,
          origin: r.origin,
          suggestionId: r.suggestionId,
        }),
      }));
      await tx.$executeRaw`INSERT INTO "AuditEvent" ("id", "projectId", "documentId", "actorId", "subject", "subjectId", "action", "after", "createdAt")
        SELECT r."id", ${doc.projectId}, ${doc.id}, ${opts.actor.id}, 'ANNOTATION', r."subjectId", 'ACCEPT_SUGGESTION', r."after", ${now}
        FROM (${jsonRows(audits, [
          ["id", "text"],
          ["subjectId", "text"],
          ["after", "jsonb"],
        ])}) r`;
      created.push(...rows.map((r) => ({ id: r.id, suggestionId: r.suggestionId })));
    });
    await yieldToEventLoop();
  }
  return { accepted: created.length, annotations: created };
}

export async function rejectModelSuggestions(opts: { actor: Actor; documentId: string; input: z.input<typeof RejectModelSuggestionsInput> }) {
  const input = RejectModelSuggestionsInput.parse(opts.input);
  const open = await openModelSuggestions(opts);
  const doc = await getDocument(opts);
  const picked = chosen(open, input);
  await db.$transaction(async (tx) => {
    await insertVerdicts(
      tx,
      opts.actor.id,
      picked.map((s) => s.id),
      "REJECTED",
    );
    await tx.auditEvent.createMany({
      data: picked.map((s) => ({
        projectId: doc.projectId,
        documentId: doc.id,
        actorId: opts.actor.id,
        subject: "SUGGESTION",
        subjectId: s.id,
        action: "REJECT",
        after: { start: s.start, end: s.end, text: s.text, label: s.label, origin: s.origin },
      })),
    });
  });
  return { rejected: picked.length };
}

async function insertVerdicts(tx: Tx, userId: string, annotationIds: string[], answer: "ACCEPTED" | "REJECTED") {
  if (annotationIds.length === 0) return;
  const now = timestampParam(new Date());
  const rows = annotationIds.map((annotationId) => ({ id: newId(), annotationId }));
  // a constant of the closed set, typed for PostgreSQL's enum column
  const answerSql = Prisma.raw(databaseProvider() === "sqlite" ? `'${answer}'` : `'${answer}'::"SuggestionAnswer"`);
  await tx.$executeRaw`INSERT INTO "SuggestionVerdict" ("id", "annotationId", "userId", "answer", "createdAt")
    SELECT r."id", r."annotationId", ${userId}, ${answerSql}, ${now}
    FROM (${jsonRows(rows, [
      ["id", "text"],
      ["annotationId", "text"],
    ])}) r`;
}
