/**
 * Import formats by name and first bytes: the rules the server's parser
 * applies (lib/import/parse-stream.ts), pure, so the import form shows the
 * same guess before it uploads (the server decides again on the whole file).
 */
import { detectRecordFormat, isManifest } from "./records";
import type { ImportFormat } from "./types";

/** Every format with the name the form shows, "auto" first. */
export const FORMAT_TITLES: readonly (readonly [ImportFormat | "auto", string])[] = [
  ["auto", "Detect"],
  ["txt", "Plain text (.txt)"],
  ["native", "Marginalia native JSONL"],
  ["spacy", "spaCy / Prodigy spans JSONL"],
  ["doccano", "doccano JSONL"],
  ["label-studio", "Label Studio JSON"],
];

/** Format from the file name alone; null when the name does not tell. */
export function formatFromName(name: string | undefined): ImportFormat | "json" | "jsonl" | null {
  const ext = /\.([a-z]+)$/i.exec(name ?? "")?.[1]?.toLowerCase();
  return ext === "txt" ? "txt" : ext === "json" ? "json" : ext === "jsonl" || ext === "ndjson" ? "jsonl" : null;
}

/** A ".json" name or a first "[" means a Label Studio array. */
export const isJsonArray = (firstChar: string, name: string | undefined) => firstChar === "[" || formatFromName(name) === "json";

/** What the files' names and the first file's head suggest; "" when nothing does. */
export function guessFormat(names: string[], head: string): ImportFormat | "" {
  if (names.length === 0) return "";
  if (names.every((n) => formatFromName(n) === "txt")) return "txt";
  if (isJsonArray(/[^\s\ufeff]/.exec(head)?.[0] ?? "", names[0])) return "label-studio";
  for (const line of head.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isManifest(value)) continue;
      return detectRecordFormat(value) ?? "";
    } catch {
      return "";
    }
  }
  return "";
}
