/**
 * The one entry point for API, CLI and UI: uploaded files (as streams of
 * text) → parsed records → runImport. Several files must all be .txt (one
 * document each, numbered as "lines" 1..n in file order); otherwise one JSONL
 * or JSON file.
 */
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { ImportOptions, type ImportOptionsInput } from "./import-options";
import { parseJsonStream, parseTextFile } from "./parse-stream";
import { formatFromName } from "./guess-format";
import { runImport } from "./run-import";
import type { ParseResult } from "./types";
import { authorize } from "@/lib/authz";

export type UploadFile = { name: string; chunks: AsyncIterable<string> };

export async function importFiles(opts: { actor: Actor; options: ImportOptionsInput; files: UploadFile[] }) {
  authorize(opts.actor, "document:import");
  const options = ImportOptions.parse(opts.options);
  const { files } = opts;
  if (files.length === 0) throw new AppError("INVALID_INPUT", "Send a file to import");
  const allText = options.format === "txt" || (options.format === "auto" && files.every((f) => formatFromName(f.name) === "txt"));
  if (files.length > 1 && !allText) throw new AppError("INVALID_INPUT", "Several files at once must all be .txt files; send one JSONL or JSON file at a time");
  if (allText) {
    const offsets = options.offsets ?? "codepoint";
    const results = (async function* (): AsyncGenerator<ParseResult> {
      for (const [i, f] of files.entries()) {
        const r = await parseTextFile(f.chunks, f.name, offsets);
        yield r.ok ? { ok: true, doc: { ...r.doc, line: i + 1 } } : { ok: false, error: { line: i + 1, message: r.error.message } };
      }
    })();
    return runImport({ actor: opts.actor, options, parsed: { format: "txt", offsets, results }, filename: files.length === 1 ? files[0].name : undefined });
  }
  const parsed = await parseJsonStream(files[0].chunks, { format: options.format, offsets: options.offsets, filename: files[0].name });
  return runImport({ actor: opts.actor, options, parsed, filename: files[0].name });
}

/** Decodes a byte stream as UTF-8 text chunks, stopping with 413 past `maxBytes`. */
export async function* utf8Chunks(bytes: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let total = 0;
  try {
    for await (const b of bytes) {
      total += b.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes);
      yield decoder.decode(b, { stream: true });
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch (err) {
    if (err instanceof TypeError) throw new AppError("INVALID_INPUT", "The file is not valid UTF-8 text");
    throw err;
  }
}

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const tooLarge = (max: number) => new AppError("PAYLOAD_TOO_LARGE", `Imports are limited to ${Math.round(max / 1024 / 1024)} MB; split the file`);
