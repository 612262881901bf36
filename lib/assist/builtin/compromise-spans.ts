/**
 * What compromise finds in one piece of text, as labelled candidate spans
 * (UTF-16 offsets into that piece). compromise's matches are the starting
 * point (people, organizations, places, dates, values, demonyms); the rules
 * here cut them to the annotation conventions: one span per name of a list,
 * no titles or descriptors at the edges, a date or quantity with its
 * determiner and comparative ("the past three months", "more than 240,000").
 */
import { compromiseHeadWords, compromiseLexicon, matchesOf, type CompromiseDoc, type Term } from "./compromise-doc";
import { trimEdges, type SpanKind } from "./span-edges";
import { EVENT_WORDS, FAC_PLACE_WORDS, GPE_PLACE_WORDS, GROUP_WORDS, LOC_NAMES, NAME_PARTICLES, ORG_WORDS, TITLES } from "./name-words";

/**
 * A candidate span. Where candidates overlap, the lower tier wins, then the
 * longer span, then the lower `prefer` (which source to believe on a tie).
 */
export type Candidate = { from: number; to: number; label: string; tier: number; prefer: number; entityId?: string };

/** Which of compromise's findings and which rules to use; the evaluation compares them. */
export type CompromiseRules = {
  /** "plugin": compromise-dates' dates() and durations(); "tags": runs of terms compromise tags as dates (the plugin's tagging included) */
  dates: "plugin" | "tags";
  /** one span per name of "Russia, Syria and Iran" rather than one for the list */
  splitLists: boolean;
  /** compromise's lexicon read as a gazetteer, whatever the context made of a word ("Iraqi" NORP, "Baghdad-based" GPE) */
  lexicon: boolean;
  /** religious and ethnic groups (GROUP_WORDS) as NORP beside compromise's demonyms */
  groups: boolean;
  /** proper-noun runs that compromise leaves untyped, typed by their head word ("… Committees" ORG, "… Assembly" EVENT) */
  heads: boolean;
  /** all-capital acronyms compromise does not know ("AFP", "RFE/RL") as ORG */
  acronyms: boolean;
};

export const TIER = { registry: 0, date: 1, name: 2, quantity: 3 } as const;
const PREFER = { lexicon: 0, person: 1, typed: 2, head: 3, demonym: 4, acronym: 5 } as const;

const { orgWords, placeWords } = compromiseHeadWords();
const lexicon = compromiseLexicon();
const LEXICON_PHRASE_WORDS = 4;

const has = (t: Term, tag: string) => t.tags.includes(tag);
const startsUpper = (t: Term) => /^[\p{Lu}\p{Lt}\p{N}]/u.test(t.text);
const isConjunction = (t: Term) => has(t, "Conjunction") && /^(?:and|or|nor|&)$/.test(t.normal);
/** by its spelling: compromise tags every word of "Saudi Arabia's" as possessive */
const isPossessive = (t: Term) => /\p{L}['’]s?$/u.test(t.text);
/** what may not sit inside one name: list punctuation, brackets, quotes, dashes, a line break */
const breaksAfter = (t: Term) => /[,;:()[\]{}"“”«»—–\n]|--/.test(t.post) || isPossessive(t);
const breaksBefore = (t: Term) => /[()[\]{}"“”«»\n]/.test(t.pre);
const blankAfter = (t: Term) => /^\s+$/.test(t.post);
/** a term as compromise's lexicon spells it: lower case, no possessive */
const lexiconWord = (t: Term) => t.text.toLowerCase().replace(/['’]s?$/u, "");
const lexiconTags = (t: Term) => lexicon.get(lexiconWord(t)) ?? [];

/** Candidates in `text`, which compromise parsed into `doc` (parse() of compromise-doc.ts). */
export function compromiseCandidates(doc: CompromiseDoc, text: string, rules: CompromiseRules): Candidate[] {
  const terms = matchesOf(doc).flatMap((m) => m.terms);
  const position = new Map(terms.map((t, i) => [t.offset.start, i]));
  const isDemonym = (t: Term) => has(t, "Demonym") || (rules.lexicon && lexiconTags(t).includes("Demonym"));
  const out: Candidate[] = [];

  const push = (span: readonly Term[], kind: SpanKind, label: string, tier: number, prefer: number) => {
    if (span.length === 0) return;
    const last = span[span.length - 1];
    const [from, to] = trimEdges(text, span[0].offset.start, last.offset.start + last.offset.length, kind);
    if (to > from && /[\p{L}\p{N}]/u.test(text.slice(from, to))) out.push({ from, to, label, tier, prefer });
  };

  const names = (
    view: Parameters<typeof matchesOf>[0],
    person: boolean,
    labelOf: (name: Term[], group: Term[]) => string,
    extend: (name: Term[]) => Term[] = (name) => name,
  ) => {
    for (const m of matchesOf(view)) {
      for (const group of nameGroups(m.terms, rules.splitLists)) {
        const name = extend(trimName(group, person, isDemonym));
        // a nationality alone is not a person or an organisation ("Russian military"): norpRuns has it
        if (name.length > 0 && !name.every(isDemonym)) push(name, "name", labelOf(name, group), TIER.name, person ? PREFER.person : PREFER.typed);
      }
    }
  };
  names(
    doc.people(),
    true,
    () => "PERSON",
    (name) => withFirstNames(terms, position, name),
  );
  names(doc.organizations(), false, () => "ORG");
  names(doc.places(), false, placeLabel);

  const dates = rules.dates === "plugin" ? [...matchesOf(doc.dates()), ...matchesOf(doc.durations())].map((m) => m.terms) : dateRuns(terms);
  for (const span of dates) push(extendDate(terms, position, trimDate(span)), "date", "DATE", TIER.date, 0);

  for (const m of matchesOf(doc.numbers())) {
    for (const group of nameGroups(m.terms, true)) {
      const value = trimValue(group);
      if (value.length > 0) push(extendLeft(terms, position, value, QUANTITY_LEAD), "quantity", "QUANTITY", TIER.quantity, 0);
    }
  }

  for (const run of norpRuns(terms, rules.groups, isDemonym)) push(run, "name", "NORP", TIER.name, PREFER.demonym);
  if (rules.lexicon) for (const hit of lexiconHits(terms)) push(hit.terms, "name", hit.label, TIER.name, PREFER.lexicon);
  if (rules.heads) {
    for (const run of properNounRuns(terms)) {
      const label = headLabel(run);
      if (label) push(run, "name", label, TIER.name, PREFER.head);
    }
  }
  if (rules.acronyms) {
    for (const t of terms) {
      if (
        /^\p{Lu}[\p{Lu}/&]{1,6}$/u.test(t.text) &&
        !["Place", "Person", "Date", "Value", "Organization"].some((tag) => has(t, tag)) &&
        lexiconTags(t).length === 0
      ) {
        push([t], "name", "ORG", TIER.name, PREFER.acronym);
      }
    }
  }
  return out;
}

/** A match cut where names end: list commas and conjunctions (when splitting lists), brackets, quotes, possessives. */
function nameGroups(terms: readonly Term[], splitLists: boolean): Term[][] {
  const groups: Term[][] = [];
  let current: Term[] = [];
  const flush = () => {
    if (current.length > 0) groups.push(current);
    current = [];
  };
  for (const t of terms) {
    if (breaksBefore(t)) flush();
    if (splitLists && isConjunction(t)) {
      flush();
      continue;
    }
    current.push(t);
    if (isPossessive(t) || (splitLists ? breaksAfter(t) : /[()[\]{}"“”«»\n]/.test(t.post))) flush();
  }
  flush();
  return groups;
}

/** Drops what surrounds a name: "the", "city of", descriptors in lower case and, before a person's name, titles and nationalities. */
function trimName(terms: readonly Term[], person: boolean, isDemonym: (t: Term) => boolean): Term[] {
  let i = 0;
  let j = terms.length;
  const leadingOk = (k: number) =>
    (startsUpper(terms[k]) || (NAME_PARTICLES.has(terms[k].normal) && k + 1 < j)) &&
    !has(terms[k], "Determiner") &&
    !(person && (has(terms[k], "Honorific") || TITLES.has(terms[k].normal.replace(/\.$/, "")) || isDemonym(terms[k])));
  while (i < j && !leadingOk(i)) i++;
  while (j > i && !startsUpper(terms[j - 1])) j--;
  return terms.slice(i, j);
}

/** A person's name with the first names compromise's lexicon knows just before it, which its match left out ("State John Kerry"). */
function withFirstNames(all: readonly Term[], position: ReadonlyMap<number, number>, name: Term[]): Term[] {
  if (name.length === 0) return name;
  let at = position.get(name[0].offset.start) ?? 0;
  const out = [...name];
  while (at > 0 && blankAfter(all[at - 1]) && startsUpper(all[at - 1]) && isFirstName(all[at - 1])) out.unshift(all[--at]);
  return out;
}

const isFirstName = (t: Term) => has(t, "FirstName") || lexiconTags(t).some((tag) => tag === "FirstName" || tag === "MaleName" || tag === "FemaleName");

/** GPE for countries, cities and regions, and for a name its match calls a city, province…; FAC, LOC by that lower-case descriptor. */
function placeLabel(name: readonly Term[], group: readonly Term[]): string {
  if (name.some((t) => has(t, "Country") || has(t, "City") || has(t, "Region"))) return "GPE";
  const words = group.filter((t) => !startsUpper(t)).map((t) => t.normal);
  if (words.some((w) => GPE_PLACE_WORDS.has(w))) return "GPE";
  if (words.some((w) => FAC_PLACE_WORDS.has(w))) return "FAC";
  return "LOC";
}

const PREPOSITION = /^(?:in|on|at|since|during|for|by|until|till|from|throughout|within|before|after|of|to|between|through)$/;

/** A date without the preposition that introduces it or a trailing time of day ("on Sunday", "September 28th, 2015 - 11:00 GMT"). */
function trimDate(terms: readonly Term[]): Term[] {
  let i = 0;
  let j = terms.length;
  while (i < j && (PREPOSITION.test(terms[i].normal) || isConjunction(terms[i]))) i++;
  while (j > i && (PREPOSITION.test(terms[j - 1].normal) || isConjunction(terms[j - 1]))) j--;
  let k = j;
  while (k > i + 1 && (has(terms[k - 1], "Time") || has(terms[k - 1], "Timezone"))) k--;
  return terms.slice(i, k < j ? k : j);
}

/** Runs of adjacent terms compromise tags as dates, when the dates plugin's own matches are not used. */
function dateRuns(terms: readonly Term[]): Term[][] {
  const runs: Term[][] = [];
  let run: Term[] = [];
  for (const t of terms) {
    if (has(t, "Date") && (run.length === 0 || !/[;:()"“”\n]/.test(run[run.length - 1].post))) run.push(t);
    else {
      if (run.length > 0) runs.push(run);
      run = has(t, "Date") ? [t] : [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** A quantity's own terms: no ordinals ("28th") or years (dates), no lone article ("a" of "a year"). */
function trimValue(terms: readonly Term[]): Term[] {
  let i = 0;
  let j = terms.length;
  while (i < j && !has(terms[i], "Value")) i++;
  while (j > i && !has(terms[j - 1], "Value")) j--;
  const value = terms.slice(i, j);
  if (value.every((t) => (has(t, "Ordinal") && !has(t, "Fraction")) || has(t, "Year") || /^(?:a|an)$/.test(t.normal))) return [];
  return value;
}

const DATE_LEAD = [
  "more than",
  "less than",
  "fewer than",
  "at least",
  "the",
  "earlier",
  "later",
  "early",
  "late",
  "recent",
  "nearly",
  "almost",
  "about",
  "around",
];
const DATE_TAIL = ["earlier", "later", "ago"];
const QUANTITY_LEAD = ["more than", "less than", "fewer than", "at least", "up to", "nearly", "almost", "about", "around", "roughly", "approximately", "over"];

/** Takes in the words just before a date or quantity that belong to it ("the past three months", "more than 240,000"). */
function extendLeft(all: readonly Term[], position: ReadonlyMap<number, number>, span: Term[], leads: readonly string[]): Term[] {
  if (span.length === 0) return span;
  const at = position.get(span[0].offset.start);
  if (at === undefined) return span;
  for (const lead of leads) {
    const words = lead.split(" ");
    const from = at - words.length;
    if (from < 0) continue;
    const before = all.slice(from, at);
    if (before.every((t, k) => t.normal === words[k] && blankAfter(t))) return [...before, ...span];
  }
  return span;
}

/** A date with its determiner or comparative before it and "earlier", "later", "ago" after it ("a day earlier"). */
function extendDate(all: readonly Term[], position: ReadonlyMap<number, number>, span: Term[]): Term[] {
  const extended = extendLeft(all, position, span, DATE_LEAD);
  if (extended.length === 0) return extended;
  const at = position.get(extended[extended.length - 1].offset.start);
  const next = at === undefined ? undefined : all[at + 1];
  return next && blankAfter(extended[extended.length - 1]) && DATE_TAIL.includes(next.normal) ? [...extended, next] : extended;
}

/** Nationalities (compromise's demonyms) and, optionally, religious and ethnic groups; adjacent ones make one span ("Sunni Arab"). */
function norpRuns(terms: readonly Term[], groups: boolean, isDemonym: (t: Term) => boolean): Term[][] {
  const isNorp = (t: Term) => startsUpper(t) && (isDemonym(t) || (groups && GROUP_WORDS.has(t.text.replace(/['’]s$/u, ""))));
  const runs: Term[][] = [];
  let run: Term[] = [];
  for (const t of terms) {
    const joined = run.length > 0 && blankAfter(run[run.length - 1]) && !isPossessive(run[run.length - 1]);
    if (isNorp(t) && (run.length === 0 || joined)) run.push(t);
    else {
      if (run.length > 0) runs.push(run);
      run = isNorp(t) ? [t] : [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Capitalised words and phrases compromise's lexicon knows as a country,
 * city, region or organisation, longest phrase first ("Saudi Arabia" before
 * "Saudi"), and continents and wide regions as LOC.
 */
function lexiconHits(terms: readonly Term[]): { terms: Term[]; label: string }[] {
  const hits: { terms: Term[]; label: string }[] = [];
  for (let i = 0; i < terms.length; i++) {
    if (!startsUpper(terms[i])) continue;
    for (let n = Math.min(LEXICON_PHRASE_WORDS, terms.length - i); n >= 1; n--) {
      const phrase = terms.slice(i, i + n);
      if (!phrase.slice(0, -1).every((t) => /^(?:\s+|-)$/.test(t.post) && !isPossessive(t))) continue;
      if (!startsUpper(phrase[n - 1])) continue;
      const key = phrase.map(lexiconWord).join(" ");
      const label = LOC_NAMES.has(key) ? "LOC" : lexiconLabel(lexicon.get(key) ?? []);
      if (label) {
        hits.push({ terms: phrase, label });
        i += n - 1;
        break;
      }
    }
  }
  return hits;
}

function lexiconLabel(tags: readonly string[]): string | null {
  if (tags.some((t) => t === "Country" || t === "City" || t === "Region" || t === "Place")) return "GPE";
  if (tags.includes("Organization")) return "ORG";
  return null;
}

/** Runs of capitalised nouns ("Joint Operations Command"), "of"/"and" allowed inside ("Bank of America"). */
function properNounRuns(terms: readonly Term[]): Term[][] {
  const capital = (t: Term) => startsUpper(t) && (has(t, "ProperNoun") || has(t, "Noun") || has(t, "Acronym")) && !has(t, "Pronoun") && !has(t, "Determiner");
  const runs: Term[][] = [];
  let run: Term[] = [];
  const flush = () => {
    while (run.length > 0 && !capital(run[run.length - 1])) run.pop();
    const start = run.findIndex((t) => !(TITLES.has(t.normal) || has(t, "Honorific")));
    if (start >= 0 && run.length - start >= 2) runs.push(run.slice(start));
    run = [];
  };
  for (const t of terms) {
    if (run.length > 0 && (!blankAfter(run[run.length - 1]) || isPossessive(run[run.length - 1]) || breaksBefore(t))) flush();
    if (capital(t) || (run.length > 0 && /^(?:of|and|for|de|du)$/.test(t.normal) && capital(run[run.length - 1]))) run.push(t);
    else flush();
  }
  flush();
  return runs;
}

/** The type a head word gives a name of two words or more: compromise's organisation and place words, and event words. */
function headLabel(run: readonly Term[]): string | null {
  const head = run[run.length - 1].normal.replace(/['’]s$/u, "");
  const singular = head.endsWith("ies") ? head.slice(0, -3) + "y" : head.replace(/s$/, "");
  const is = (words: ReadonlySet<string>) => words.has(head) || words.has(singular);
  if (is(EVENT_WORDS)) return "EVENT";
  if (is(orgWords) || is(ORG_WORDS)) return "ORG";
  if (is(FAC_PLACE_WORDS)) return "FAC";
  if (is(GPE_PLACE_WORDS)) return "GPE";
  if (is(placeWords)) return "LOC";
  return null;
}
