/**
 * Where a proposed span may begin and end. compromise's matches carry what
 * sits around a name in running text: "Iraq’s", "Iran.", "U.S.-led",
 * "(IS)", a leading quote. A span keeps abbreviation dots ("U.S.", "U.N."),
 * a currency sign and a percent sign; everything else that is not a letter
 * or digit comes off its edges, and so does a possessive "'s".
 */
export type SpanKind = "name" | "date" | "quantity";

/** whitespace, and invisible characters (format, control) that compromise leaves inside a term */
const BLANK = /^[\s\p{C}]$/u;
const PUNCT_OR_SYMBOL = /^[\p{P}\p{S}]$/u;
const CURRENCY = /^\p{Sc}$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** "U.S.", "U.N.", "V.": single letters each followed by a dot, at a word start. */
const ABBREVIATION_END = /(?:^|[^\p{L}\p{N}])(?:\p{L}\.)+$/u;
const POSSESSIVE = /^['’]s$/u;
/** "U.S.-led", "Baghdad-based", "Russia-controlled": a lowercase word hyphened to a name. */
const HYPHENED_LOWERCASE = /-\p{Ll}+$/u;

/** [from, to) in UTF-16 units with the edges cleaned; from === to when nothing is left. */
export function trimEdges(text: string, from: number, to: number, kind: SpanKind): [number, number] {
  for (let changed = true; changed && from < to;) {
    changed = false;
    const first = charAt(text, from);
    if (BLANK.test(first) || /^\p{M}$/u.test(first) || (PUNCT_OR_SYMBOL.test(first) && !(kind === "quantity" && CURRENCY.test(first)))) {
      from += first.length;
      changed = true;
      continue;
    }
    const last = charBefore(text, to);
    const span = text.slice(from, to);
    if (BLANK.test(last)) {
      to -= last.length;
      changed = true;
    } else if (to - from > 2 && POSSESSIVE.test(span.slice(-2)) && WORD_CHAR.test(span.at(-3) ?? "")) {
      to -= 2;
      changed = true;
    } else if (kind === "name" && HYPHENED_LOWERCASE.test(span) && span.search(HYPHENED_LOWERCASE) > 0) {
      to = from + span.search(HYPHENED_LOWERCASE);
      changed = true;
    } else if (last === "." && ABBREVIATION_END.test(span)) {
      // keep it
    } else if (last === "%" && kind === "quantity") {
      // keep it
    } else if (PUNCT_OR_SYMBOL.test(last)) {
      to -= last.length;
      changed = true;
    }
  }
  return from < to ? [from, to] : [from, from];
}

/** The code point starting at UTF-16 offset i, as a string. */
function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

/** The code point ending at UTF-16 offset i. */
function charBefore(text: string, i: number): string {
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return text.slice(i - 2, i);
  }
  return text.slice(i - 1, i);
}
