/**
 * A hit in its context, as three plain strings the page renders as text with
 * the hit in <mark> (never as HTML): about 160 characters around the hit, cut
 * at word boundaries where the context was cut, with "…" where text is left out.
 */
import { stepCodePoints } from "@/lib/text/offsets";

export type Snippet = { before: string; hit: string; after: string };

/** Code points of context on each side of a hit. */
export const CONTEXT = 80;
/** A longer hit (a long QUOTE span) is shown up to this many code points. */
export const HIT_MAX = 240;
/** A cut word is dropped only when a boundary is this close to the cut. */
const WORD_REACH = 24;

/**
 * `before` and `after` are the CONTEXT code points on each side of the hit
 * (fewer at the ends of the text); `cutBefore`/`cutAfter` say whether the
 * text goes on beyond them.
 */
export function composeSnippet(parts: { before: string; hit: string; after: string; cutBefore: boolean; cutAfter: boolean }): Snippet {
  let before = parts.before;
  let after = parts.after;
  if (parts.cutBefore) {
    const space = before.slice(0, WORD_REACH).search(/\s/u);
    before = "…" + (space === -1 ? before : before.slice(space + 1));
  }
  if (parts.cutAfter) {
    const tail = after.slice(-WORD_REACH);
    const space = tail.search(/\s\S*$/u);
    after = (space === -1 ? after : after.slice(0, after.length - tail.length + space)) + "…";
  }
  const hitPoints = Array.from(parts.hit);
  const hit = hitPoints.length > HIT_MAX ? hitPoints.slice(0, HIT_MAX).join("") + "…" : parts.hit;
  return { before: before.replace(/\s+/gu, " "), hit, after: after.replace(/\s+/gu, " ") };
}

/** The snippet of the hit at UTF-16 offsets [start, end) of a text (code point context, never half a surrogate pair). */
export function snippetOf(text: string, start: number, end: number): Snippet {
  const from = stepCodePoints(text, start, -CONTEXT);
  const to = stepCodePoints(text, end, CONTEXT);
  return composeSnippet({
    before: text.slice(from, start),
    hit: text.slice(start, end),
    after: text.slice(end, to),
    cutBefore: from > 0,
    cutAfter: to < text.length,
  });
}
