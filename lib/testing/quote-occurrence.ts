/**
 * A reference for tests of the LLM recognizer's locating rule
 * (lib/assist/llm/locate-span.ts), written over code points by brute force:
 * the `occurrence` a model must give to name the span [i, j) of `text`.
 */
const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;
const isWord = (c: string | undefined) => c !== undefined && WORD.test(c) && !UNSPACED.test(c);

/** 1-based occurrence naming [i, j) (code points), or null when the rule cannot name it (a part of a word whose text also stands as a whole word). */
export function occurrenceNaming(text: string, i: number, j: number): number | null {
  const cps = Array.from(text);
  const quote = cps.slice(i, j);
  const len = quote.length;
  const starts: number[] = [];
  for (let k = 0; k + len <= cps.length; k++) if (quote.every((c, m) => cps[k + m] === c)) starts.push(k);
  const whole = starts.filter((k) => !(isWord(quote[0]) && isWord(cps[k - 1])) && !(isWord(quote[len - 1]) && isWord(cps[k + len])));
  const pool = whole.length ? whole : starts;
  const at = pool.indexOf(i);
  return at === -1 ? null : at + 1;
}
