/**
 * The reviewer's decision on one annotator's quote link (a QUOTE span → its
 * cue and speaker spans). Accepting puts the quote, its cue and its speaker
 * into gold (those not there yet) and points the gold quote at the gold cue
 * and speaker; rejecting takes the link off the gold quote if it carries it.
 */
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { authorize, documentScope } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record-audit";
import { layerForWrite } from "@/lib/layers/layer-for-write";
import { publishLayerChanges } from "@/lib/realtime/publish-layers";
import type { Actor } from "@/lib/auth/actor";
import { copyIntoGold, linkedGoldSpan, markReviewState } from "./gold-copy";
import { assertDecidable } from "./load-review";
import { linkKey, type LinkSpan } from "./quote-link-candidates";

export const QuoteLinkDecisionInput = z.object({ version: z.number().int().positive().optional() }).strict();

const labelOf = { label: { select: { name: true, kind: true } } } as const;

async function reviewableQuote(actor: Actor, annotationId: string, version: number | undefined) {
  authorize(actor, "review:decide");
  const row = await db.annotation.findFirst({
    where: { id: annotationId, layer: { kind: "ANNOTATOR", document: documentScope(actor) } },
    include: { ...labelOf, layer: { select: { id: true, documentId: true, status: true, document: { select: { projectId: true } } } } },
  });
  if (!row) throw notFound("Annotation");
  if (row.label.kind !== "QUOTE") throw new AppError("UNPROCESSABLE", `Only QUOTE spans carry a cue and a speaker; this one is ${row.label.name}`);
  if (!row.quoteCueId && !row.quoteSpeakerId)
    throw new AppError("UNPROCESSABLE", "This quote links to no cue and no speaker; accept or reject the span itself");
  assertDecidable(row, { one: "quote", many: "quote links" }, version);
  return row;
}
type Quote = Awaited<ReturnType<typeof reviewableQuote>>;

const asLinkSpan = (a: { id: string; start: number; end: number; text: string; label: { name: string } }): LinkSpan => ({
  id: a.id,
  start: a.start,
  end: a.end,
  text: a.text,
  label: a.label.name,
});

/** The link of a quote as the key of what it points at (see quote-link-candidates.ts). */
async function keyOfQuote(
  tx: Tx,
  quote: {
    id: string;
    layerId: string;
    start: number;
    end: number;
    text: string;
    quoteCueId: string | null;
    quoteSpeakerId: string | null;
    label: { name: string };
  },
) {
  const ids = [quote.quoteCueId, quote.quoteSpeakerId].filter((id): id is string => !!id);
  const linked = await tx.annotation.findMany({ where: { id: { in: ids }, layerId: quote.layerId }, include: labelOf });
  return linkKey(
    { ...asLinkSpan(quote), quoteCueId: quote.quoteCueId, quoteSpeakerId: quote.quoteSpeakerId },
    new Map(linked.map((a) => [a.id, asLinkSpan(a)])),
  );
}

async function setGoldLinks(
  tx: Tx,
  opts: {
    actor: Actor;
    projectId: string;
    documentId: string;
    goldQuote: { id: string; quoteCueId: string | null; quoteSpeakerId: string | null; version: number };
    cueId: string | null;
    speakerId: string | null;
  },
) {
  const { goldQuote } = opts;
  if (goldQuote.quoteCueId === opts.cueId && goldQuote.quoteSpeakerId === opts.speakerId) return false;
  const row = await tx.annotation.update({
    where: { id: goldQuote.id },
    data: { quoteCueId: opts.cueId, quoteSpeakerId: opts.speakerId, version: { increment: 1 } },
  });
  await recordAudit(tx, {
    projectId: opts.projectId,
    documentId: opts.documentId,
    actorId: opts.actor.id,
    subject: "ANNOTATION",
    subjectId: goldQuote.id,
    action: "QUOTE",
    before: { quoteCueId: goldQuote.quoteCueId, quoteSpeakerId: goldQuote.quoteSpeakerId, version: goldQuote.version, layer: "gold" },
    after: { quoteCueId: row.quoteCueId, quoteSpeakerId: row.quoteSpeakerId, version: row.version, layer: "gold" },
  });
  return true;
}

const quoteLinksOf = (a: { id: string; quoteCueId: string | null; quoteSpeakerId: string | null; version: number }) => ({
  annotationId: a.id,
  cueId: a.quoteCueId,
  speakerId: a.quoteSpeakerId,
  version: a.version,
});

export async function acceptQuoteLink(opts: { actor: Actor; annotationId: string; input?: z.input<typeof QuoteLinkDecisionInput> }) {
  const { version } = QuoteLinkDecisionInput.parse(opts.input ?? {});
  const source: Quote = await reviewableQuote(opts.actor, opts.annotationId, version);
  const { documentId } = source.layer;
  const projectId = source.layer.document.projectId;
  const result = await db.$transaction(async (tx) => {
    const goldLayer = await layerForWrite(tx, { actor: opts.actor, documentId, target: "gold" });
    const scope = { actor: opts.actor, projectId, documentId, goldLayerId: goldLayer.id };
    const { annotation: goldQuote, created } = await copyIntoGold(tx, { ...scope, source });
    await markReviewState(tx, { documentId, start: source.start, end: source.end, labelId: source.labelId, state: "ACCEPTED" });
    // a gold quote that was there already gets this link now (the spans it points at copied into gold first)
    if (!created) {
      const cueId = await linkedGoldSpan(tx, scope, source.layerId, source.quoteCueId);
      const speakerId = await linkedGoldSpan(tx, scope, source.layerId, source.quoteSpeakerId);
      await setGoldLinks(tx, { ...scope, goldQuote, cueId, speakerId });
    }
    const gold = await tx.annotation.findUniqueOrThrow({ where: { id: goldQuote.id } });
    await recordAudit(tx, {
      projectId,
      documentId,
      actorId: opts.actor.id,
      subject: "REVIEW",
      subjectId: source.id,
      action: "ACCEPT_QUOTE_LINK",
      before: { quoteCueId: source.quoteCueId, quoteSpeakerId: source.quoteSpeakerId },
      after: { goldQuoteId: gold.id, goldCueId: gold.quoteCueId, goldSpeakerId: gold.quoteSpeakerId },
    });
    return { gold: quoteLinksOf(gold), goldLayer };
  });
  await publishLayerChanges([result.goldLayer], projectId, opts.actor.id);
  return { gold: result.gold };
}

/** 409 while gold has no copy of the quote: there is no gold link to keep this one out of yet. */
export async function rejectQuoteLink(opts: { actor: Actor; annotationId: string; input?: z.input<typeof QuoteLinkDecisionInput> }) {
  const { version } = QuoteLinkDecisionInput.parse(opts.input ?? {});
  const source = await reviewableQuote(opts.actor, opts.annotationId, version);
  const { documentId } = source.layer;
  const projectId = source.layer.document.projectId;
  const result = await db.$transaction(async (tx) => {
    const goldLayer = await layerForWrite(tx, { actor: opts.actor, documentId, target: "gold" });
    const goldQuote = await tx.annotation.findFirst({
      where: { layerId: goldLayer.id, start: source.start, end: source.end, labelId: source.labelId },
      include: labelOf,
    });
    if (!goldQuote) {
      throw new AppError("CONFLICT", "Gold has no copy of this quote yet: accept the quote (or another annotator's link) first, then reject this link");
    }
    const carried = (await keyOfQuote(tx, goldQuote)) === (await keyOfQuote(tx, source));
    const removed = carried && (await setGoldLinks(tx, { actor: opts.actor, projectId, documentId, goldQuote, cueId: null, speakerId: null }));
    await recordAudit(tx, {
      projectId,
      documentId,
      actorId: opts.actor.id,
      subject: "REVIEW",
      subjectId: source.id,
      action: "REJECT_QUOTE_LINK",
      before: { quoteCueId: source.quoteCueId, quoteSpeakerId: source.quoteSpeakerId, goldQuoteId: goldQuote.id },
      after: { removedFromGold: removed },
    });
    return { removedFromGold: removed, goldQuoteId: goldQuote.id, goldLayer };
  });
  await publishLayerChanges([result.goldLayer], projectId, opts.actor.id);
  return { removedFromGold: result.removedFromGold, goldQuoteId: result.goldQuoteId };
}
