/**
 * Splits a stream of text chunks into lines (1-based numbers), holding one
 * line at a time. A line of megabytes arrives in many chunks: they are kept
 * as pieces and joined once (appending to one string and searching it again
 * flattens the whole string on every chunk).
 */
export async function* readLines(chunks: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  let pieces: string[] = [];
  let line = 0;
  for await (const chunk of chunks) {
    let from = 0;
    let nl: number;
    while ((nl = chunk.indexOf("\n", from)) !== -1) {
      pieces.push(chunk.slice(from, nl));
      yield { line: ++line, text: pieces.join("").replace(/\r$/, "") };
      pieces = [];
      from = nl + 1;
    }
    if (from < chunk.length) pieces.push(chunk.slice(from));
  }
  if (pieces.length) yield { line: ++line, text: pieces.join("").replace(/\r$/, "") };
}
