import type { ExportGrade } from "@/lib/export/native-record";
import { mispTags } from "./admiralty";

type Row = {
  id: string;
  reliability: string;
  credibility: number;
  rationale: string;
  annotation: { id: string; start: number; end: number; text: string } | null;
};
type LayerRow = { kind: string; user: { id: string; name: string } | null };

/** A grade as the native JSONL export writes it. */
export function exportGrade(g: Row, layer: LayerRow): ExportGrade {
  return {
    id: g.id,
    layer: layer.kind === "GOLD" ? "gold" : "annotator",
    annotator: layer.user ? { id: layer.user.id, name: layer.user.name } : null,
    target: g.annotation ? { annotation_id: g.annotation.id, start: g.annotation.start, end: g.annotation.end, text: g.annotation.text } : "outlet",
    reliability: g.reliability,
    credibility: g.credibility,
    rationale: g.rationale,
    misp_tags: mispTags(g),
  };
}
