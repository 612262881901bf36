/**
 * doccano sequence labeling: `{"text","label":[[start,end,"LABEL"],…]}`, one
 * record per layer of a document; the other keys become doccano metadata.
 * With document label sets, `cats` lists the layer's chosen labels, as
 * doccano's "intent detection and slot filling" JSONL
 * (`{"text","entities"|"label","cats":[…]}`) and its text classification
 * import (a list of label names) read them.
 */
import { layerName, spansByLayer } from "./layer-groups";
import type { ExportDocument } from "./native-record";
import { doccanoCats } from "./doc-label-export";

export type DoccanoRecord = {
  text: string;
  label: [number, number, string][];
  cats?: string[];
  document_id: string;
  title: string;
  layer: string;
  split?: string;
};

export function doccanoRecords(doc: ExportDocument): DoccanoRecord[] {
  return spansByLayer(doc).map(({ layer, spans }) => ({
    text: doc.text,
    label: spans.map((s): [number, number, string] => [s.start, s.end, s.label]),
    ...(layer.doc_labels ? { cats: doccanoCats(layer.doc_labels) } : {}),
    document_id: doc.id,
    title: doc.title,
    layer: layerName(layer),
    ...(doc.split ? { split: doc.split } : {}),
  }));
}
