/**
 * Streams the corpus as JSONL, one document per line, reading the database in
 * small batches so memory stays flat however large the project.
 */
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz";
import type { Actor } from "@/lib/auth/actor";
import { ExportOptions, type ExportOptionsInput } from "./export-options";
import { sortSpans, type ExportDocument, type ExportLayerKind, type ExportThread } from "./native-record";
import { originOfSlot, type LayerKind } from "@/lib/domain/enums";
import { exportGrade } from "@/lib/grades/export-grade";
import { exportScope, type ExportScope } from "./export-scope";
import { exportManifest } from "./export-manifest";
import { splitOf } from "./dataset-split";
import { inOffsetUnit } from "./offset-unit";
import { withLabels } from "./label-subset";
import { serializeExport } from "./serialize-export";
import { seenAsOrNull } from "@/lib/review/blind";
import { docLabelsOf, type ExportDocLabelSet } from "./doc-label-export";
import { canSeeThread } from "@/lib/authz";
import { anchorView, authorAs, authorSelect } from "@/lib/threads/thread-view";

const BATCH = 25;
/** Characters of the export handed to the response at a time, at least (one document may make a longer piece). */
const STREAM_PIECE = 64 * 1024;

const layerKind = (kind: LayerKind): ExportLayerKind => (kind === "GOLD" ? "gold" : kind === "SUGGESTIONS" ? "suggestions" : "annotator");

/** Export records (native shape) in the chosen offset unit, label subset and split. */
export async function* exportRecords(opts: { actor: Actor; options: ExportOptionsInput }): AsyncGenerator<ExportDocument> {
  const scope = await exportScope(authorize(opts.actor, "corpus:export"), ExportOptions.parse(opts.options));
  yield* scopedRecords(scope);
}

async function* scopedRecords(scope: ExportScope): AsyncGenerator<ExportDocument> {
  const { options, layerWhere, documentWhere, plan, viewer } = scope;
  for await (const doc of databaseRecords(layerWhere, documentWhere, viewer, options.layer === "suggestions", options.threads)) {
    const shaped = inOffsetUnit(withLabels(doc, options.labels), options.offsets);
    yield plan ? { ...shaped, split: splitOf(plan, doc.id) } : shaped;
  }
}

async function* databaseRecords(
  layerWhere: Record<string, unknown>,
  documentWhere: Record<string, unknown>,
  viewer: Actor,
  openSuggestionsOnly: boolean,
  withThreads = false,
): AsyncGenerator<ExportDocument> {
  let cursor: string | undefined;
  // each project's document label sets, read once per export
  const docLabelSets = new Map<string, ExportDocLabelSet[]>();
  const setsOf = async (projectId: string) => {
    if (!docLabelSets.has(projectId)) docLabelSets.set(projectId, await exportDocLabelSets(projectId));
    return docLabelSets.get(projectId)!;
  };
  for (;;) {
    const docs = await db.document.findMany({
      where: documentWhere,
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: {
        project: { select: { id: true, slug: true, blindReview: true, showOtherLayers: true } },
        layers: {
          where: layerWhere,
          include: {
            user: { select: { id: true, name: true } },
            annotations: {
              // suggestions: the open ones only; other layers have no answers, so they skip the subquery per span
              ...(openSuggestionsOnly ? { where: { answers: { none: {} } } } : {}),
              include: { label: { select: { name: true, kind: true } }, entity: { select: { id: true, name: true, type: true } } },
            },
            grades: { include: { annotation: { select: { id: true, start: true, end: true, text: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
            docLabels: { select: { choice: { select: { name: true, set: { select: { name: true } } } } } },
            stances: {
              orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
              include: {
                holder: { select: { id: true, name: true } },
                target: { select: { id: true, text: true } },
                evidence: { select: { annotation: { select: { id: true, start: true, end: true, text: true } } } },
              },
            },
          },
        },
      },
    });
    if (docs.length === 0) return;
    const threads = withThreads ? await threadsOf(docs.map((d) => d.id)) : null;
    for (const doc of docs) {
      // Let other requests in between documents: on SQLite every read is synchronous, and an export that never
      // waited would hold the event loop for as long as its client reads fast enough.
      await new Promise((resolve) => setImmediate(resolve));
      // Every annotator in the record as the exporter may see them (pseudonyms under blind review).
      const annotatorOf = (layer: { user: { id: string; name: string } | null }) => seenAsOrNull(viewer, doc.project, layer.user);
      const sets = await setsOf(doc.project.id);
      const labelsOf = (layer: { kind: LayerKind; docLabels: { choice: { name: string; set: { name: string } } }[] }) =>
        sets.length > 0 && layer.kind !== "SUGGESTIONS"
          ? docLabelsOf(
              sets,
              layer.docLabels.map((v) => ({ set: v.choice.set.name, choice: v.choice.name })),
            )
          : undefined;
      const shownLabels = doc.layers.find((l) => l.kind === "GOLD") ?? (doc.layers.length === 1 ? doc.layers[0] : undefined);
      const docLabels = shownLabels ? labelsOf(shownLabels) : undefined;
      yield {
        id: doc.id,
        title: doc.title,
        text: doc.text,
        meta: { outlet: doc.outlet, byline: doc.byline, published_at: doc.publishedAt, source: doc.source, project: doc.project.slug },
        spans: sortSpans(
          doc.layers.flatMap((layer) =>
            layer.annotations.map((a) => ({
              id: a.id,
              start: a.start,
              end: a.end,
              label: a.label.name,
              text: a.text,
              layer: layerKind(layer.kind),
              annotator: annotatorOf(layer),
              origin: a.origin ?? (layer.kind === "SUGGESTIONS" ? originOfSlot(layer.slot) : null),
              entity_id: a.entityId,
              entity: a.entity ? { id: a.entity.id, name: a.entity.name, type: a.entity.type } : null,
              ...(a.label.kind === "QUOTE" ? { quote: { cue_id: a.quoteCueId, speaker_id: a.quoteSpeakerId } } : {}),
              review_state: a.reviewState,
            })),
          ),
        ),
        grades: doc.layers.flatMap((layer) => layer.grades.map((g) => exportGrade(g, { kind: layer.kind, user: annotatorOf(layer) }))),
        stances: doc.layers.flatMap((layer) =>
          layer.stances.map((st) => ({
            id: st.id,
            layer: layerKind(layer.kind),
            annotator: annotatorOf(layer),
            holder: st.holder,
            target: st.target,
            polarity: st.polarity,
            confidence: st.confidence,
            document_level: st.documentLevel,
            evidence: st.evidence
              .map((e) => ({ annotation_id: e.annotation.id, start: e.annotation.start, end: e.annotation.end, text: e.annotation.text }))
              .sort((a, b) => a.start - b.start || a.end - b.end),
          })),
        ),
        layers: doc.layers.map((layer) => ({
          layer: layerKind(layer.kind),
          annotator: annotatorOf(layer),
          status: layer.status,
          ...(layer.kind === "SUGGESTIONS" ? { origin: originOfSlot(layer.slot) } : {}),
          ...(labelsOf(layer) ? { doc_labels: labelsOf(layer) } : {}),
        })),
        ...(docLabels ? { doc_labels: docLabels } : {}),
        ...(sets.length > 0 ? { doc_label_sets: sets } : {}),
        ...(threads ? { threads: exportThreads(viewer, doc.project, threads.get(doc.id) ?? []) } : {}),
      };
    }
    cursor = docs[docs.length - 1].id;
  }
}

/** A project's active document label sets with their active choices, in schema order (archived ones a layer holds still export). */
async function exportDocLabelSets(projectId: string): Promise<ExportDocLabelSet[]> {
  const rows = await db.docLabelSet.findMany({
    where: { projectId, archived: false },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { name: true, multiple: true, choices: { where: { archived: false }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { name: true } } },
  });
  return rows.map((r) => ({ name: r.name, multiple: r.multiple, choices: r.choices.map((c) => c.name) }));
}

/** The threads of a batch of documents, oldest first, by document. */
async function threadsOf(documentIds: string[]) {
  const rows = await db.thread.findMany({
    where: { documentId: { in: documentIds } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      layer: { select: { kind: true, userId: true } },
      posts: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: authorSelect } },
    },
  });
  const byDocument = new Map<string, typeof rows>();
  for (const r of rows) byDocument.set(r.documentId, [...(byDocument.get(r.documentId) ?? []), r]);
  return byDocument;
}
type ThreadRows = Awaited<ReturnType<typeof threadsOf>> extends Map<string, infer R> ? R : never;

/** The document's threads the exporter may see (lib/authz.ts canSeeThread), authors as they may see them. */
function exportThreads(viewer: Actor, project: { id: string; blindReview: boolean; showOtherLayers: boolean }, rows: ThreadRows): ExportThread[] {
  return rows
    .filter((t) => canSeeThread(viewer, project, t.layer))
    .map((t) => {
      const { kind, id, layerId: _layerId, ...snapshot } = anchorView(t);
      void _layerId;
      return {
        id: t.id,
        anchor: { kind, id, layer: t.layer ? layerKind(t.layer.kind) : null, ...snapshot },
        resolved: t.resolved,
        posts: t.posts.map((p) => ({
          author: authorAs(viewer, project, p.author),
          body: p.body,
          createdAt: p.createdAt.toISOString(),
          editedAt: p.editedAt?.toISOString() ?? null,
        })),
      };
    });
}

/**
 * The export as a byte stream in its format, pulled as the client reads.
 * Options, projects, annotators and labels are checked and the first chunk
 * is read before the stream is handed out, so errors still become a proper
 * HTTP error, not a broken stream.
 */
export async function exportStream(opts: { actor: Actor; options: ExportOptionsInput }): Promise<ReadableStream<Uint8Array>> {
  const chunks = await exportChunks(opts);
  const encoder = new TextEncoder();
  let pending: IteratorResult<string> | null = await chunks.next();
  return new ReadableStream({
    // Documents are gathered into pieces of about STREAM_PIECE characters: handing the response one small line at a
    // time cost more than reading the documents (an export of 5,000 took twice as long through the server).
    async pull(controller) {
      try {
        let piece = "";
        while (piece.length < STREAM_PIECE) {
          const next = pending ?? (await chunks.next());
          pending = null;
          if (next.done) {
            if (piece) controller.enqueue(encoder.encode(piece));
            controller.close();
            return;
          }
          piece += next.value;
        }
        controller.enqueue(encoder.encode(piece));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** The export as chunks of text (lines, or pieces of the Label Studio array); the CLI writes them to stdout. */
export async function exportChunks(opts: { actor: Actor; options: ExportOptionsInput }): Promise<AsyncGenerator<string>> {
  const actor = authorize(opts.actor, "corpus:export");
  const options = ExportOptions.parse(opts.options);
  const scope = await exportScope(actor, options);
  if (options.manifest === "only") {
    const manifest = await exportManifest(actor, scope);
    return (async function* () {
      yield JSON.stringify(manifest, null, 2) + "\n";
    })();
  }
  const manifest = options.manifest === "first" ? { manifest: await exportManifest(actor, scope) } : undefined;
  return serializeExport(options.format, scopedRecords(scope), manifest);
}
