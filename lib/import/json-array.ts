/**
 * Reads a JSON array (a Label Studio export) element by element from a
 * stream of text chunks, so memory holds one task at a time. Yields each
 * element's JSON source, its 1-based index and the line where it starts.
 * Only the array's structure is checked here; each element is JSON.parse'd
 * by the caller.
 */
export class JsonArrayError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export async function* readJsonArray(chunks: AsyncIterable<string>): AsyncGenerator<{ index: number; line: number; source: string }> {
  let state: "before" | "between" | "element" | "after" = "before";
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let current = "";
  let startLine = 1;
  let index = 0;
  for await (const chunk of chunks) {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === "\n") line++;
      if (state === "element") {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === "\\") escaped = true;
          else if (c === '"') inString = false;
          continue;
        }
        if (c === '"') inString = true;
        else if (c === "{" || c === "[") depth++;
        else if ((c === "}" || c === "]") && depth > 0) depth--;
        else if (depth === 0 && (c === "," || c === "]")) {
          current += chunk.slice(from, i);
          yield { index: ++index, line: startLine, source: current };
          current = "";
          state = c === "]" ? "after" : "between";
        } else if (c === "}") throw new JsonArrayError(line, "unexpected }");
        continue;
      }
      if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\ufeff") continue;
      if (state === "before") {
        if (c !== "[") throw new JsonArrayError(line, "a Label Studio export is one JSON array: the file should start with [");
        state = "between";
      } else if (state === "between") {
        if (c === "]" && index === 0) state = "after";
        else if (c === "," || c === "]") throw new JsonArrayError(line, `unexpected ${c}`);
        else {
          state = "element";
          startLine = line;
          depth = c === "{" || c === "[" ? 1 : 0;
          inString = c === '"';
          escaped = false;
          from = i;
        }
      } else {
        throw new JsonArrayError(line, "text after the end of the array");
      }
    }
    if (state === "element") current += chunk.slice(from);
  }
  if ((state as string) !== "after")
    throw new JsonArrayError(line, (state as string) === "before" ? "the file is empty" : "the array is not closed (the file ends too early)");
}
