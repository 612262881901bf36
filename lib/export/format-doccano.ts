/**
 * doccano sequence labeling: `{"text","label":[[start,end,"LABEL"],…]}`, one
 * record per layer of a document; the other keys become doccano metadata.
 */
import { layerName, spansByLayer } from "./layer-groups";
import type { ExportDocument } from "./native-record";

export type DoccanoRecord = {
  text: string;
  label: [number, number, string][];
  document_id: string;
  title: string;
  layer: string;
  split?: string;
};

export function doccanoRecords(doc: ExportDocument): DoccanoRecord[] {
  return spansByLayer(doc).map(({ layer, spans }) => ({
    text: doc.text,
    label: spans.map((s): [number, number, string] => [s.start, s.end, s.label]),
    document_id: doc.id,
    title: doc.title,
    layer: layerName(layer),
    ...(doc.split ? { split: doc.split } : {}),
  }));
}
