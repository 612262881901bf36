/**
 * Label Studio: one task per document, each included layer one of its
 * annotations, for a labeling config of
 * `<Labels name="label" toName="text">…</Labels><Text name="text" value="$text"/>`,
 * plus, with document label sets, `<Choices name="<set name>" toName="text"
 * choice="single|multiple">` per set (its `choices` results).
 */
import { layerName, spansByLayer } from "./layer-groups";
import type { ExportDocument } from "./native-record";
import { labelStudioChoices, type LabelStudioChoices } from "./doc-label-export";

export type LabelStudioResult = {
  id: string;
  from_name: "label";
  to_name: "text";
  type: "labels";
  value: { start: number; end: number; text: string; labels: string[] };
};

export type LabelStudioTask = {
  data: { text: string; document_id: string; title: string; project: string; split?: string };
  annotations: {
    result: (LabelStudioResult | LabelStudioChoices)[];
    ground_truth: boolean;
    meta: { layer: string; annotator_id: string | null; status: string };
  }[];
};

export function labelStudioTask(doc: ExportDocument): LabelStudioTask {
  return {
    data: { text: doc.text, document_id: doc.id, title: doc.title, project: doc.meta.project, ...(doc.split ? { split: doc.split } : {}) },
    annotations: spansByLayer(doc).map(({ layer, spans }) => ({
      result: [
        ...spans.map((s) => ({
          id: s.id,
          from_name: "label" as const,
          to_name: "text" as const,
          type: "labels" as const,
          value: { start: s.start, end: s.end, text: s.text, labels: [s.label] },
        })),
        ...(layer.doc_labels ? labelStudioChoices(layer.doc_labels, `${doc.id}-${layerName(layer)}`) : []),
      ],
      ground_truth: layer.layer === "gold",
      meta: { layer: layerName(layer), annotator_id: layer.annotator?.id ?? null, status: layer.status },
    })),
  };
}
