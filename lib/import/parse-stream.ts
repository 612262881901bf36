/**
 * A whole upload → a stream of parsed documents and line errors, one record
 * at a time (constant memory for JSONL and Label Studio JSON).
 */
import { readLines } from "./read-lines";
import { readJsonArray, JsonArrayError } from "./json-array";
import { detectRecordFormat, isManifest, RecordError, titleFromText, toRawRecord } from "./records";
import { mapSpansAsync, SpanError } from "./map-offsets";
import { isJsonArray } from "./guess-format";
import type { ImportFormat, OffsetUnit, ParseResult, RawRecord } from "./types";

export type ParseOptions = {
  /** declared format, or "auto": from the file name, then the content */
  format: ImportFormat | "auto";
  /** offset unit of the file; default: UTF-16 for Label Studio (a JavaScript tool), code points otherwise */
  offsets?: OffsetUnit;
  filename?: string;
};

export const defaultOffsets = (format: ImportFormat): OffsetUnit => (format === "label-studio" ? "utf16" : "codepoint");

async function toResult(line: number, raw: RawRecord, offsets: OffsetUnit): Promise<ParseResult> {
  try {
    const { text, spans } = await mapSpansAsync(raw.text, raw.spans, offsets);
    return { ok: true, doc: { line, title: raw.title.slice(0, 500), text, meta: raw.meta, spans } };
  } catch (err) {
    if (err instanceof SpanError) return { ok: false, error: { line, message: err.message } };
    throw err;
  }
}

/** Peeks at the first non-blank character and pushes it back. */
async function* withPeek(chunks: AsyncIterable<string>, onFirst: (c: string) => void): AsyncGenerator<string> {
  let seen = false;
  for await (const chunk of chunks) {
    if (!seen) {
      const m = /[^\s\ufeff]/.exec(chunk);
      if (m) {
        seen = true;
        onFirst(m[0]);
      }
    }
    yield chunk;
  }
}

export type ParsedStream = { format: ImportFormat; offsets: OffsetUnit; results: AsyncGenerator<ParseResult> };

/** One plain-text document (a .txt file): the file name is its title. */
export async function parseTextFile(chunks: AsyncIterable<string>, filename: string, offsets: OffsetUnit = "codepoint"): Promise<ParseResult> {
  let text = "";
  for await (const c of chunks) text += c;
  if (text.startsWith("\ufeff")) text = text.slice(1);
  if (text.trim() === "") return { ok: false, error: { line: 1, message: `${filename}: the file is empty` } };
  const title = filename.replace(/\.txt$/i, "") || titleFromText(text);
  return toResult(1, { title, text, meta: { outlet: null, byline: null, published_at: null, source: filename }, spans: [] }, offsets);
}

/**
 * JSONL (native, spaCy, doccano, Label Studio tasks one per line) or a Label
 * Studio JSON array. With format "auto", a ".json" name or a first "[" means
 * a Label Studio array; otherwise the first record's shape decides
 * (detectRecordFormat) and every later line is read in that format.
 */
export async function parseJsonStream(chunks: AsyncIterable<string>, options: ParseOptions): Promise<ParsedStream> {
  let first = "";
  const peeked = withPeek(chunks, (c) => (first = c));
  // pull the first non-blank chunk to see the first character
  const buffered: string[] = [];
  for (;;) {
    const next = await peeked.next();
    if (next.done) break;
    buffered.push(next.value);
    if (first) break;
  }
  const rest = (async function* () {
    yield* buffered;
    yield* peeked;
  })();
  const isArray = (options.format === "label-studio" || options.format === "auto") && isJsonArray(first, options.filename);
  if (isArray) {
    const offsets = options.offsets ?? "utf16";
    return { format: "label-studio", offsets, results: arrayResults(rest, offsets) };
  }
  let format: Exclude<ImportFormat, "txt"> | null = options.format === "auto" || options.format === "txt" ? null : options.format;
  const lines = readLines(rest);
  // find the first record to detect the format (manifest lines skipped)
  const pending: { line: number; text: string }[] = [];
  if (!format) {
    for (;;) {
      // next() by hand: breaking a for-await loop would close the generator
      const step = await lines.next();
      if (step.done) break;
      const l = step.value;
      pending.push(l);
      if (l.text.trim() === "") continue;
      try {
        const value = JSON.parse(l.text);
        if (isManifest(value)) continue;
        format = detectRecordFormat(value);
      } catch {
        // reported by the line loop
      }
      break;
    }
  }
  const resolved = format ?? "native";
  const offsets = options.offsets ?? defaultOffsets(resolved);
  const all = (async function* () {
    yield* pending;
    yield* lines;
  })();
  return { format: resolved, offsets, results: lineResults(all, format, offsets) };
}

async function* lineResults(
  lines: AsyncIterable<{ line: number; text: string }>,
  declared: Exclude<ImportFormat, "txt"> | null,
  offsets: OffsetUnit,
): AsyncGenerator<ParseResult> {
  let format = declared;
  for await (const { line, text } of lines) {
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      yield { ok: false, error: { line, message: `not valid JSON (${(err as Error).message})` } };
      continue;
    }
    if (isManifest(value)) continue;
    format ??= detectRecordFormat(value);
    if (!format) {
      yield { ok: false, error: { line, message: 'cannot tell the format of this record (no "text"); choose the format explicitly' } };
      continue;
    }
    try {
      yield await toResult(line, toRawRecord(format, value), offsets);
    } catch (err) {
      if (err instanceof RecordError) yield { ok: false, error: { line, message: err.message } };
      else throw err;
    }
  }
}

async function* arrayResults(chunks: AsyncIterable<string>, offsets: OffsetUnit): AsyncGenerator<ParseResult> {
  try {
    for await (const { index, line, source } of readJsonArray(chunks)) {
      let value: unknown;
      try {
        value = JSON.parse(source);
      } catch (err) {
        yield { ok: false, error: { line, message: `task ${index}: not valid JSON (${(err as Error).message})` } };
        continue;
      }
      try {
        yield await toResult(line, toRawRecord("label-studio", value), offsets);
      } catch (err) {
        if (err instanceof RecordError) yield { ok: false, error: { line, message: `task ${index}: ${err.message}` } };
        else throw err;
      }
    }
  } catch (err) {
    if (err instanceof JsonArrayError) yield { ok: false, error: { line: err.line, message: err.message } };
    else throw err;
  }
}
