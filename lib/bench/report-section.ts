/**
 * BENCHMARKS.md holds one section per script (`npm run bench`, `npm run
 * loadtest`), each between its own markers, so that each script rewrites its
 * own figures and leaves the others' alone.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export const markers = (name: string) => ({ start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` });

/**
 * The file's text with `name`'s section replaced by `body` (or added at the
 * end). A file written before the markers existed is taken as the bench's
 * whole section.
 */
export function replaceSection(current: string, name: string, body: string): string {
  const m = markers(name);
  const block = `${m.start}\n${body.trimEnd()}\n${m.end}`;
  const from = current.indexOf(m.start);
  const to = current.indexOf(m.end);
  if (from >= 0 && to > from) return current.slice(0, from) + block + current.slice(to + m.end.length);
  const trimmed = current.trimEnd();
  return (trimmed ? `${trimmed}\n\n` : "") + block + "\n";
}

/** Writes `name`'s section of `file`, keeping every other section as it was. */
export function writeSection(file: string, name: string, body: string) {
  let current = existsSync(file) ? readFileSync(file, "utf8") : "";
  // the bench's report from before sections: all of it is the bench's
  if (current.trim() && !current.includes("<!-- ") && current.startsWith("# Benchmarks")) current = replaceSection("", "bench", current);
  writeFileSync(file, replaceSection(current, name, body).trimEnd() + "\n");
}
