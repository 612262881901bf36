/**
 * Export records as the chunks of text a format writes, one document at a
 * time: JSON lines for native, spaCy and doccano; for Label Studio a JSON
 * array written incrementally ("[", tasks joined by ",", "]"). Pure.
 */
import type { ExportFormat } from "./export-options";
import { doccanoRecords } from "./format-doccano";
import { labelStudioTask } from "./format-label-studio";
import { spacyRecords } from "./format-spacy";
import { jsonLine, type ExportDocument } from "./native-record";

export function documentLines(format: Exclude<ExportFormat, "label-studio">, doc: ExportDocument): string {
  switch (format) {
    case "native": {
      const { doc_label_sets: _sets, ...record } = doc;
      return jsonLine(record);
    }
    case "spacy":
      return spacyRecords(doc).map(jsonLine).join("");
    case "doccano":
      return doccanoRecords(doc).map(jsonLine).join("");
  }
}

export async function* serializeExport(format: ExportFormat, docs: AsyncIterable<ExportDocument>, manifestLine?: unknown): AsyncGenerator<string> {
  if (format === "label-studio") {
    let first = true;
    for await (const doc of docs) {
      yield (first ? "[\n" : ",\n") + JSON.stringify(labelStudioTask(doc));
      first = false;
    }
    yield first ? "[]\n" : "\n]\n";
    return;
  }
  if (manifestLine !== undefined) yield jsonLine(manifestLine);
  for await (const doc of docs) {
    const lines = documentLines(format, doc);
    if (lines) yield lines;
  }
}

export const contentType = (format: ExportFormat) => (format === "label-studio" ? "application/json; charset=utf-8" : "application/x-ndjson; charset=utf-8");

export const fileName = (format: ExportFormat, manifestOnly: boolean) =>
  manifestOnly ? `marginalia-manifest.json` : format === "label-studio" ? "marginalia-label-studio.json" : `marginalia-${format}.jsonl`;
