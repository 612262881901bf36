/** Splits a stream of text chunks into lines (1-based numbers), holding one line at a time. */
export async function* readLines(chunks: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  let buffer = "";
  let line = 0;
  for await (const chunk of chunks) {
    // search only the new chunk: a line of megabytes arrives in many chunks
    let from = buffer.length;
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf("\n", from)) !== -1) {
      yield { line: ++line, text: buffer.slice(0, nl).replace(/\r$/, "") };
      buffer = buffer.slice(nl + 1);
      from = 0;
    }
  }
  if (buffer !== "") yield { line: ++line, text: buffer.replace(/\r$/, "") };
}
