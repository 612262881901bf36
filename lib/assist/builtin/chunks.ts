/**
 * Splits a long text into pieces that each take compromise a few
 * milliseconds, so a 2,000,000-character document never holds the event loop
 * for long. Pieces end at line breaks (whole paragraphs), so nothing the
 * recognizer finds crosses a boundary; a line longer than `maxChars` is cut
 * after its last sentence end that fits, else at whitespace, and never inside
 * a surrogate pair.
 */
export type Chunk = { from: number; to: number }; // UTF-16, end exclusive

export function paragraphChunks(text: string, maxChars: number): Chunk[] {
  if (!(maxChars >= 2)) throw new RangeError(`maxChars must be at least 2; got ${maxChars}`);
  const chunks: Chunk[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(from + maxChars, text.length);
    if (to < text.length) {
      const lineEnd = text.lastIndexOf("\n", to - 1);
      to = lineEnd >= from ? lineEnd + 1 : cutInsideLine(text, from, to);
    }
    chunks.push({ from, to });
    from = to;
  }
  return chunks;
}

function cutInsideLine(text: string, from: number, to: number): number {
  const window = text.slice(from, to);
  const sentence = Math.max(window.lastIndexOf(". "), window.lastIndexOf("? "), window.lastIndexOf("! "));
  if (sentence > 0) return from + sentence + 2;
  const space = window.search(/\s\S*$/);
  if (space > 0) return from + space + 1;
  const c = text.charCodeAt(to - 1);
  return c >= 0xd800 && c <= 0xdbff ? to - 1 : to;
}
