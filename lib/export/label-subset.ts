import type { ExportDocument } from "./native-record";

/** The document with only the spans of the chosen labels (all of them when none are chosen). */
export function withLabels(doc: ExportDocument, labels: readonly string[] | undefined): ExportDocument {
  if (!labels) return doc;
  const keep = new Set(labels);
  return { ...doc, spans: doc.spans.filter((s) => keep.has(s.label)) };
}
