import type { ExportDocument, ExportLayer, ExportSpan } from "./native-record";

const layerKey = (l: { layer: string; annotator: { id: string } | null; origin?: string | null }) =>
  l.layer === "gold" ? "gold" : l.layer === "suggestions" ? `suggestions:${l.origin}` : `annotator:${l.annotator?.id}`;

/** The document's layers, each with its own spans: the flat formats write one record per layer. */
export function spansByLayer(doc: ExportDocument): { layer: ExportLayer; spans: ExportSpan[] }[] {
  const groups = new Map(doc.layers.map((layer) => [layerKey(layer), { layer, spans: [] as ExportSpan[] }]));
  for (const span of doc.spans) groups.get(layerKey(span))?.spans.push(span);
  return [...groups.values()];
}

/** Who made a layer, as the flat formats name it: "gold", "suggestions:<origin>" or the annotator's name. */
export const layerName = (layer: ExportLayer) =>
  layer.layer === "gold" ? "gold" : layer.layer === "suggestions" ? `suggestions:${layer.origin}` : (layer.annotator?.name ?? "annotator");
