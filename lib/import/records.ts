/**
 * One JSON record of each supported shape → the document and its spans as
 * the file states them. Pure; throws RecordError with a readable message.
 *
 * - native: Marginalia's own export line {title, text, meta, spans:[{start,end,label,text}]}
 *   (grades, stances, entity links and ids are not imported).
 * - spacy: spaCy / Prodigy spans {text, spans:[{start,end,label}], meta?}
 * - doccano: sequence labelling {text, label:[[start,end,"LABEL"],…]} (or "labels"),
 *   or the newer {text, entities:[{start_offset,end_offset,label}]}
 * - label-studio: one task {data:{text,…}, annotations:[{result:[{type:"labels",
 *   value:{start,end,text,labels:[…]}}]}], predictions:[…]}; predictions are
 *   used only when the task has no annotations.
 */
import type { ImportFormat, ImportMeta, RawRecord, RawSpan } from "./types";

export class RecordError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

/** A title for a text that comes without one: its first line, shortened. */
export function titleFromText(text: string): string {
  const first = text.trim().split("\n")[0]?.trim() ?? "";
  const chars = Array.from(first);
  return chars.length === 0 ? "Untitled" : chars.length > 80 ? chars.slice(0, 79).join("") + "…" : first;
}

function metaOf(m: unknown): ImportMeta {
  const o = isObj(m) ? m : {};
  return { outlet: str(o.outlet), byline: str(o.byline), published_at: str(o.published_at ?? o.publishedAt), source: str(o.source) };
}

function textOf(v: unknown): string {
  if (typeof v !== "string") throw new RecordError('the record has no "text" string');
  if (v.trim() === "") throw new RecordError("the text is empty");
  return v.startsWith("\ufeff") ? v.slice(1) : v;
}

function spanList(v: unknown, key: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new RecordError(`"${key}" must be a list`);
  return v;
}

export function toRawRecord(format: Exclude<ImportFormat, "txt">, value: unknown): RawRecord {
  if (!isObj(value)) throw new RecordError("the line is not a JSON object");
  switch (format) {
    case "native": {
      const text = textOf(value.text);
      const spans = spanList(value.spans, "spans").map((s, i): RawSpan => {
        if (!isObj(s)) throw new RecordError(`span ${i + 1} is not an object`);
        return { start: s.start, end: s.end, label: s.label, text: s.text };
      });
      return { title: str(value.title) ?? titleFromText(text), text, meta: metaOf(value.meta), spans };
    }
    case "spacy": {
      const text = textOf(value.text);
      const meta = isObj(value.meta) ? value.meta : {};
      const spans = spanList(value.spans ?? value.ents, "spans").map((s, i): RawSpan => {
        if (!isObj(s)) throw new RecordError(`span ${i + 1} is not an object`);
        return { start: s.start, end: s.end, label: s.label, text: s.text };
      });
      return { title: str(meta.title) ?? str(value.title) ?? titleFromText(text), text, meta: metaOf(meta), spans };
    }
    case "doccano": {
      const text = textOf(value.text);
      const entities = value.entities;
      let spans: RawSpan[];
      if (Array.isArray(entities)) {
        spans = entities.map((e, i) => {
          if (!isObj(e)) throw new RecordError(`entity ${i + 1} is not an object`);
          return { start: e.start_offset, end: e.end_offset, label: e.label };
        });
      } else {
        spans = spanList(value.label ?? value.labels, "label").map((l, i) => {
          if (!Array.isArray(l) || l.length < 3) throw new RecordError(`label ${i + 1} must be [start, end, "LABEL"]`);
          return { start: l[0], end: l[1], label: l[2] };
        });
      }
      const meta = isObj(value.meta) ? value.meta : value;
      return { title: str(value.title) ?? str(isObj(value.meta) ? value.meta.title : undefined) ?? titleFromText(text), text, meta: metaOf(meta), spans };
    }
    case "label-studio": {
      const data = value.data;
      if (!isObj(data)) throw new RecordError('the task has no "data" object');
      const text = textOf(data.text);
      const pick = (list: unknown) => (Array.isArray(list) ? list.filter(isObj).filter((a) => !a.was_cancelled) : []);
      const annotations = pick(value.annotations);
      const sources = annotations.length ? annotations : pick(value.predictions);
      const seen = new Set<string>();
      const spans: RawSpan[] = [];
      for (const a of sources) {
        for (const r of Array.isArray(a.result) ? a.result : []) {
          if (!isObj(r) || !isObj(r.value) || r.type !== "labels") continue;
          const v = r.value;
          const labels = Array.isArray(v.labels) ? v.labels : [];
          if (labels.length === 0) throw new RecordError(`a result at ${String(v.start)}–${String(v.end)} has no label`);
          for (const label of labels) {
            const key = JSON.stringify([v.start, v.end, label]);
            if (seen.has(key)) continue;
            seen.add(key);
            spans.push({ start: v.start, end: v.end, label, text: v.text });
          }
        }
      }
      return { title: str(data.title) ?? str(data.name) ?? titleFromText(text), text, meta: metaOf(data), spans };
    }
  }
}

/** Whether a JSON line is the manifest an export may put first (skipped). */
export const isManifest = (value: unknown) => isObj(value) && ("manifest" in value || value.type === "manifest");

/** The shape of a JSONL record, for format auto-detection; null when unknown. */
export function detectRecordFormat(value: unknown): Exclude<ImportFormat, "txt"> | null {
  if (!isObj(value)) return null;
  if (isObj(value.data)) return "label-studio";
  if (Array.isArray(value.entities) || Array.isArray(value.label) || Array.isArray(value.labels)) return "doccano";
  if (typeof value.title === "string" && isObj(value.meta) && typeof value.text === "string") return "native";
  if (typeof value.text === "string") return "spacy";
  return null;
}
