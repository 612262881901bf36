/** The native JSONL record of one document. Pure: no database here. */
import type { ExportDocLabels, ExportDocLabelSet } from "./doc-label-export";

export type ExportSpan = {
  id: string;
  start: number;
  end: number;
  label: string;
  text: string;
  layer: ExportLayerKind;
  annotator: { id: string; name: string } | null;
  /** the model that proposed the span ("builtin:compromise-14", "llm:<endpoint>", "import:<name>"): on suggestions and on spans accepted from them */
  origin: string | null;
  entity_id: string | null;
  /** the registry entity the span is linked to (canonical name and type) */
  entity: { id: string; name: string; type: string } | null;
  /** QUOTE spans: their cue and speaker spans (ids in the same layer) */
  quote?: { cue_id: string | null; speaker_id: string | null };
  /** the reviewer's decision on this span: PENDING | ACCEPTED | REJECTED */
  review_state: string;
};

export type ExportLayerKind = "gold" | "annotator" | "suggestions";

/** A layer of the document that the export includes, with its review status (suggestions: their origin). */
export type ExportLayer = {
  layer: ExportLayerKind;
  annotator: { id: string; name: string } | null;
  status: string;
  origin?: string;
  /** the layer's document labels, `{set: [choice names]}`, when the project has document label sets */
  doc_labels?: ExportDocLabels;
};

export type ExportStance = {
  id: string;
  layer: ExportLayerKind;
  annotator: { id: string; name: string } | null;
  holder: { id: string; name: string };
  target: { id: string; text: string };
  polarity: string;
  confidence: number;
  document_level: boolean;
  evidence: { annotation_id: string; start: number; end: number; text: string }[];
};

export type ExportDocument = {
  id: string;
  title: string;
  text: string;
  meta: { outlet: string | null; byline: string | null; published_at: string | null; source: string | null; project: string };
  spans: ExportSpan[];
  grades: ExportGrade[];
  stances: ExportStance[];
  layers: ExportLayer[];
  /**
   * The document labels `{set: [choice names]}` when the project has document label sets: gold's when the gold
   * layer is exported, else the one exported layer's (with several annotators' layers, see each entry of `layers`).
   */
  doc_labels?: ExportDocLabels;
  /** the project's document label sets, for the flat formats' one-hot forms; not written in the native format */
  doc_label_sets?: ExportDocLabelSet[];
  /** with a dataset split: train | dev | test */
  split?: string;
  /** with `threads=1`: the discussion threads the exporter may see, oldest first */
  threads?: ExportThread[];
};

/** A discussion thread: what it is about (as it was when it began), whether resolved, its posts (authors as the exporter sees them). */
export type ExportThread = {
  id: string;
  anchor: {
    kind: "document" | "span" | "stance" | "grade";
    id: string | null;
    layer: ExportLayerKind | null;
    start?: number;
    end?: number;
    text?: string;
    label?: string;
    holder?: string;
    target?: string;
    polarity?: string;
    reliability?: string;
    credibility?: number;
  };
  resolved: boolean;
  posts: { author: { id: string; name: string }; body: string; createdAt: string; editedAt: string | null }[];
};

/** A source grade (Admiralty scale) with its MISP machine tags. */
export type ExportGrade = {
  id: string;
  layer: ExportLayerKind;
  annotator: { id: string; name: string } | null;
  target: "outlet" | { annotation_id: string; start: number; end: number; text: string };
  reliability: string;
  credibility: number;
  rationale: string;
  misp_tags: string[];
};

export const SCHEMA_VERSION = "marginalia.native/1";

export function jsonLine(value: unknown): string {
  return JSON.stringify(value) + "\n";
}

/** Spans in a stable order: by start, longer first, then label. */
export function sortSpans(spans: ExportSpan[]): ExportSpan[] {
  return [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}
