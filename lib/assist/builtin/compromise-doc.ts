/**
 * compromise (and its dates plugin), loaded once, and the shape of what its
 * `json()` gives back. compromise ships its own lexicon and tagger, so
 * nothing is downloaded; plugins extend the one shared instance, which no
 * other module of Marginalia uses.
 */
import nlp from "compromise";
import datesPlugin, { type DatesMethods } from "compromise-dates";

nlp.plugin(datesPlugin);

export const COMPROMISE_VERSION: string = nlp.version;

/** A term of compromise's json: `offset` counts UTF-16 units of the parsed string. */
export type Term = {
  text: string;
  pre: string;
  post: string;
  normal: string;
  tags: string[];
  offset: { start: number; length: number };
};
export type TermMatch = { terms: Term[] };

type View = ReturnType<typeof nlp<DatesMethods>>;
export type CompromiseDoc = View;

export const parse = (text: string): CompromiseDoc => nlp<DatesMethods>(text);

/** Terms of each match of a view, with their offsets. */
export function matchesOf(view: { json: (options: object) => unknown }): TermMatch[] {
  const json = view.json({ offset: true, terms: { offset: true } }) as { terms?: Term[] }[];
  return json.map((m) => ({ terms: (m.terms ?? []).filter((t) => t.offset.length > 0) })).filter((m) => m.terms.length > 0);
}

/** compromise's lexicon: lower-case words and phrases ("iraq", "saudi arabia", "associated press") to their tags. */
export function compromiseLexicon(): ReadonlyMap<string, readonly string[]> {
  const lexicon = (nlp.model() as { one?: { lexicon?: Record<string, string | string[]> } }).one?.lexicon ?? {};
  return new Map(Object.entries(lexicon).map(([word, tags]) => [word, (Array.isArray(tags) ? tags : [tags]).flatMap((t) => t.split(","))]));
}

/** compromise's own head words of organisation and place names ("ministry", "river", "province", "airport"). */
export function compromiseHeadWords(): { orgWords: ReadonlySet<string>; placeWords: ReadonlySet<string> } {
  const two = (nlp.model() as { two?: { orgWords?: Record<string, unknown>; placeWords?: Record<string, unknown> } }).two;
  return { orgWords: new Set(Object.keys(two?.orgWords ?? {})), placeWords: new Set(Object.keys(two?.placeWords ?? {})) };
}
