/**
 * Stances and quote links of one document as the review page and
 * GET /api/v1/documents/:id/review show them: the compared annotator layers'
 * stances grouped by holder → target, and their quote links grouped by what
 * they point at, each against gold. Layers are named as the reviewer may see
 * them (pseudonyms under blind review, lib/review/blind.ts); nothing here
 * names the people behind a stance other than through its layer.
 */
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz";
import { getDocument } from "@/lib/documents/get-document";
import { GOLD_SLOT } from "@/lib/domain/enums";
import { stanceInclude, stanceView } from "@/lib/stances/stance-input";
import type { Actor } from "@/lib/auth/actor";
import { listAnnotatorLayers } from "./review-page-data";
import { groupStanceCandidates, stanceCandidateState, type ReviewStance, type StanceCandidate } from "./stance-candidates";
import { groupQuoteLinkCandidates, type LinkedSpan, type QuoteLinkCandidate } from "./quote-link-candidates";

const linkColumns = {
  id: true,
  start: true,
  end: true,
  text: true,
  quoteCueId: true,
  quoteSpeakerId: true,
  reviewState: true,
  label: { select: { name: true } },
} as const;
type LinkRow = {
  id: string;
  start: number;
  end: number;
  text: string;
  quoteCueId: string | null;
  quoteSpeakerId: string | null;
  reviewState: string;
  label: { name: string };
};
const linked = (a: LinkRow): LinkedSpan => ({ ...a, label: a.label.name });

/** Quote spans matching `where`, and the spans they link to (in the same layers). */
async function quotesAndLinked(where: Record<string, unknown>) {
  const quotes = await db.annotation.findMany({ where, select: { ...linkColumns, layerId: true } });
  const linkedIds = [...new Set(quotes.flatMap((q) => [q.quoteCueId, q.quoteSpeakerId]).filter((id): id is string => !!id))];
  const linked = linkedIds.length ? await db.annotation.findMany({ where: { id: { in: linkedIds } }, select: { ...linkColumns, layerId: true } }) : [];
  const layers = new Set(quotes.map((q) => q.layerId));
  return [...quotes, ...linked.filter((l) => layers.has(l.layerId))];
}

const reviewStance = (s: ReturnType<typeof stanceView>): ReviewStance => ({
  id: s.id,
  holder: { id: s.holder.id, name: s.holder.name },
  target: s.target,
  polarity: s.polarity,
  confidence: s.confidence,
  documentLevel: s.documentLevel,
  note: s.note,
  reviewState: s.reviewState,
  evidence: s.evidence,
});

export async function reviewStancesAndLinks(doc: { id: string; projectId: string }, viewer: Actor) {
  const [{ layers }, quoteLabels, gold] = await Promise.all([
    listAnnotatorLayers(doc, viewer),
    db.label.findMany({ where: { projectId: doc.projectId, kind: "QUOTE" }, select: { name: true } }),
    db.layer.findUnique({ where: { documentId_slot: { documentId: doc.id, slot: GOLD_SLOT } }, select: { id: true, status: true } }),
  ]);
  const compared = layers.filter((l) => l.compared);
  const ids = compared.map((l) => l.id);
  const quotes = new Set(quoteLabels.map((l) => l.name));
  const [stances, goldStances, spans, goldSpans] = await Promise.all([
    db.stance.findMany({ where: { layerId: { in: ids } }, include: stanceInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    gold ? db.stance.findMany({ where: { layerId: gold.id }, include: stanceInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }) : [],
    // quote links need the linked quotes and the spans they point at, not every span of the layers
    quotesAndLinked({ layerId: { in: ids }, label: { kind: "QUOTE" }, OR: [{ quoteCueId: { not: null } }, { quoteSpeakerId: { not: null } }] }),
    gold ? quotesAndLinked({ layerId: gold.id, label: { kind: "QUOTE" } }) : [],
  ]);
  const stanceCandidates = groupStanceCandidates(
    compared.map((l) => ({ layerId: l.id, stances: stances.filter((s) => s.layerId === l.id).map((s) => reviewStance(stanceView(s))) })),
    goldStances.map((g) => ({ id: g.id, holderId: g.holder.id, targetId: g.target.id, polarity: g.polarity, originId: g.originId })),
  );
  const quoteLinkCandidates = groupQuoteLinkCandidates(
    compared.map((l) => ({ layerId: l.id, spans: spans.filter((a) => a.layerId === l.id).map(linked) })),
    goldSpans.map(linked),
    quotes,
  );
  return {
    layers: compared.map((l) => ({ id: l.id, name: l.name })),
    goldStatus: gold?.status ?? "NOT_STARTED",
    gold: goldStances.map((s) => ({ ...reviewStance(stanceView(s)), originId: s.originId })),
    stances: stanceCandidates,
    quoteLinks: quoteLinkCandidates,
  };
}

/** The open stance and quote-link candidates, said before approving ("2 stances", "1 quote link"). */
export function openStancesAndLinks(data: { stances: StanceCandidate[]; quoteLinks: QuoteLinkCandidate[] }): string[] {
  const stances = data.stances.filter((c) => stanceCandidateState(c) === "open").length;
  const links = data.quoteLinks.filter((l) => l.state === "open").length;
  return [stances > 0 && `${stances} stance${stances === 1 ? "" : "s"}`, links > 0 && `${links} quote link${links === 1 ? "" : "s"}`].filter(
    (x): x is string => !!x,
  );
}

export async function loadReviewStances(opts: { actor: Actor; documentId: string }) {
  authorize(opts.actor, "review:decide");
  const doc = await getDocument(opts);
  return reviewStancesAndLinks(doc, opts.actor);
}
export type ReviewStancesData = Awaited<ReturnType<typeof loadReviewStances>>;
