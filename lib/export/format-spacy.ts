/**
 * spaCy / Prodigy: `{"text","spans":[{"start","end","label"}],"meta"}`, one
 * record per layer of a document (Prodigy's `db-in`, or
 * `doc.char_span(start, end, label)` in spaCy); with document label sets,
 * `cats` too (every choice → 1.0 / 0.0, spaCy's `doc.cats`).
 */
import { layerName, spansByLayer } from "./layer-groups";
import type { ExportDocument } from "./native-record";
import { spacyCats } from "./doc-label-export";

export type SpacyRecord = {
  text: string;
  spans: { start: number; end: number; label: string }[];
  cats?: Record<string, number>;
  meta: { document_id: string; title: string; project: string; layer: string; annotator_id: string | null; status: string; split?: string };
};

export function spacyRecords(doc: ExportDocument): SpacyRecord[] {
  return spansByLayer(doc).map(({ layer, spans }) => ({
    text: doc.text,
    spans: spans.map((s) => ({ start: s.start, end: s.end, label: s.label })),
    ...(doc.doc_label_sets && layer.doc_labels ? { cats: spacyCats(doc.doc_label_sets, layer.doc_labels) } : {}),
    meta: {
      document_id: doc.id,
      title: doc.title,
      project: doc.meta.project,
      layer: layerName(layer),
      annotator_id: layer.annotator?.id ?? null,
      status: layer.status,
      ...(doc.split ? { split: doc.split } : {}),
    },
  }));
}
