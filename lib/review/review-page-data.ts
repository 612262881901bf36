/**
 * What the review page sends to the browser: each layer's spans without what
 * the browser derives (their text, from the document; the candidates, by
 * lib/review/candidates.ts), read without joins, so three layers of
 * thousands of spans stay a fraction of the full review
 * (GET /api/v1/documents/:id/review, lib/review/load-review.ts, keeps it).
 */
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz";
import { getDocument } from "@/lib/documents/get-document";
import { GOLD_SLOT } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import { labelNames, type PageSpan } from "@/lib/annotations/page-span";
import { readLayerSpans, inTextOrder } from "@/lib/db/batched-read";
import { COMPARED_STATUSES, lastDecisionView } from "./load-review";
import { seenAs } from "./blind";
import { clientIdNamespace } from "@/lib/annotations/client-id";

export type ReviewLayerSpan = Omit<PageSpan, "version"> & { reviewState: string };

const spanColumns = { id: true, start: true, end: true, labelId: true, version: true, reviewState: true } as const;
const layerSpans = (layerId: string) => readLayerSpans(layerId, (args) => db.annotation.findMany({ ...args, select: spanColumns }));

/** The document's annotator layers in a fixed order, named as the reviewer may see them (pseudonyms under blind review). */
export async function listAnnotatorLayers(doc: { id: string; projectId: string }, viewer: Pick<Actor, "id" | "role">) {
  const [project, layers] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: doc.projectId }, select: { id: true, blindReview: true } }),
    db.layer.findMany({
      where: { documentId: doc.id, kind: "ANNOTATOR" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        user: { select: { id: true, name: true } },
        reviews: {
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { decision: true, comment: true, spans: true, createdAt: true, reviewer: { select: { name: true } } },
        },
      },
    }),
  ]);
  return {
    blind: project.blindReview,
    layers: layers.map((l) => ({
      id: l.id,
      name: l.user ? seenAs(viewer, project, l.user).name : "Unknown",
      status: l.status,
      compared: COMPARED_STATUSES.includes(l.status),
      lastDecision: lastDecisionView(l.reviews[0]),
    })),
  };
}

export async function loadReviewPage(opts: { actor: Actor; documentId: string }) {
  authorize(opts.actor, "review:decide");
  const doc = await getDocument(opts);
  const [{ blind, layers }, label, gold] = await Promise.all([
    listAnnotatorLayers(doc, opts.actor),
    labelNames(doc.projectId),
    db.layer.findUnique({ where: { documentId_slot: { documentId: doc.id, slot: GOLD_SLOT } }, select: { id: true, status: true } }),
  ]);
  // One layer after another: each is read in batches that leave the event loop free between them.
  const spansOf: Awaited<ReturnType<typeof layerSpans>>[] = [];
  for (const l of layers) spansOf.push(await layerSpans(l.id));
  const goldSpans = gold ? await layerSpans(gold.id) : [];
  return {
    document: doc,
    layers: layers.map((l, i) => ({
      ...l,
      annotations: spansOf[i]
        .map((a): ReviewLayerSpan => ({ id: a.id, start: a.start, end: a.end, label: label(a.labelId), reviewState: a.reviewState }))
        .sort(inTextOrder),
    })),
    gold: {
      id: gold?.id ?? null,
      status: gold?.status ?? "NOT_STARTED",
      annotations: goldSpans.map((a): PageSpan => ({ id: a.id, start: a.start, end: a.end, label: label(a.labelId), version: a.version })).sort(inTextOrder),
    },
    blind,
    idNamespace: clientIdNamespace(opts.actor.id, doc.projectId),
  };
}
export type ReviewPageData = Omit<Awaited<ReturnType<typeof loadReviewPage>>, "document">;
