/**
 * Streams the corpus as JSONL, one document per line, reading the database in
 * small batches so memory stays flat however large the project.
 */
import { db } from "@/lib/db";
import { projectScope } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { ExportOptions } from "./export-options";
import { jsonLine, sortSpans, type ExportDocument } from "./native-record";
import type { z } from "zod";
import { exportGrade } from "@/lib/grades/export-grade";

const BATCH = 25;

export async function* exportRecords(opts: { actor: Actor; options: z.input<typeof ExportOptions> }): AsyncGenerator<ExportDocument> {
  const options = ExportOptions.parse(opts.options);
  const projectWhere = { ...projectScope(opts.actor), ...(options.project ? { OR: [{ id: options.project }, { slug: options.project }] } : {}) };
  if (options.project && !(await db.project.findFirst({ where: projectWhere }))) throw notFound(`Project ${options.project}`);

  const layerWhere = {
    kind: options.layer === "gold" ? "GOLD" : "ANNOTATOR",
    ...(options.status === "approved" ? { status: "APPROVED" } : {}),
  };
  const documentWhere = {
    project: projectWhere,
    ...(options.status === "approved" ? { layers: { some: layerWhere } } : {}),
  };

  let cursor: string | undefined;
  for (;;) {
    const docs = await db.document.findMany({
      where: documentWhere,
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: {
        project: { select: { slug: true } },
        layers: {
          where: layerWhere,
          include: {
            user: { select: { id: true, name: true } },
            annotations: { include: { label: { select: { name: true, kind: true } }, entity: { select: { id: true, name: true, type: true } } } },
            grades: { include: { annotation: { select: { id: true, start: true, end: true, text: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
            stances: {
              orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
              include: { holder: { select: { id: true, name: true } }, target: { select: { id: true, text: true } }, evidence: { select: { annotation: { select: { id: true, start: true, end: true, text: true } } } } },
            },
          },
        },
      },
    });
    if (docs.length === 0) return;
    for (const doc of docs) {
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
              layer: layer.kind === "GOLD" ? ("gold" as const) : ("annotator" as const),
              annotator: layer.user ? { id: layer.user.id, name: layer.user.name } : null,
              entity_id: a.entityId,
              entity: a.entity ? { id: a.entity.id, name: a.entity.name, type: a.entity.type } : null,
              ...(a.label.kind === "QUOTE" ? { quote: { cue_id: a.quoteCueId, speaker_id: a.quoteSpeakerId } } : {}),
            })),
          ),
        ),
        grades: doc.layers.flatMap((layer) => layer.grades.map((g) => exportGrade(g, layer))),
        stances: doc.layers.flatMap((layer) =>
          layer.stances.map((st) => ({
            id: st.id,
            layer: layer.kind === "GOLD" ? ("gold" as const) : ("annotator" as const),
            annotator: layer.user ? { id: layer.user.id, name: layer.user.name } : null,
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
      };
    }
    cursor = docs[docs.length - 1].id;
  }
}

/**
 * The same records as a byte stream of JSONL, pulled as the client reads.
 * The first record is read before the stream is handed out, so bad options
 * or access errors still become a proper HTTP error, not a broken stream.
 */
export async function exportStream(opts: { actor: Actor; options: z.input<typeof ExportOptions> }): Promise<ReadableStream<Uint8Array>> {
  const records = exportRecords(opts);
  const encoder = new TextEncoder();
  let pending: IteratorResult<ExportDocument> | null = await records.next();
  return new ReadableStream({
    async pull(controller) {
      try {
        const next = pending ?? (await records.next());
        pending = null;
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(jsonLine(next.value)));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await records.return(undefined);
    },
  });
}
