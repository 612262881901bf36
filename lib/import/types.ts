/** What the import parsers hand to the runner: one document per record, offsets already in code points of the canonical text. */
export const IMPORT_FORMATS = ["txt", "native", "spacy", "doccano", "label-studio"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const OFFSET_UNITS = ["codepoint", "utf16"] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];

export type ImportSpan = { start: number; end: number; label: string; text: string };

export type ImportMeta = { outlet: string | null; byline: string | null; published_at: string | null; source: string | null };

export type ParsedDocument = {
  /** 1-based line of the file (Label Studio: the line where the task starts) */
  line: number;
  title: string;
  /** canonical text (NFC, "\n") */
  text: string;
  meta: ImportMeta;
  /** code points of `text`, end exclusive; `text` is the slice */
  spans: ImportSpan[];
};

export type LineError = { line: number; message: string };

export type ParseResult = { ok: true; doc: ParsedDocument } | { ok: false; error: LineError };

/** A span as a file states it, offsets in the file's unit over the text as given. */
export type RawSpan = { start: unknown; end: unknown; label: unknown; text?: unknown };

export type RawRecord = { title: string; text: string; meta: ImportMeta; spans: RawSpan[] };
