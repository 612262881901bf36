/**
 * How well the built-in recognizer does on the five seed articles against
 * the hand-made gold (seeds/gold-entities.jsonl): span precision, recall and
 * F1 per label and over all labels, exact and overlap match
 * (lib/agreement/span-f1.ts), summed over the documents (micro average).
 */
import type { LabelSpec, RegistryEntity } from "@/lib/assist/recognizer";
import { spanF1, type Span, type SpanF1Result, type SpanScores } from "@/lib/agreement/span-f1";
import { ENTITY_LABELS } from "@/lib/projects/default-labels";
import { SEED_ENTITIES } from "@/lib/seed/seed-entities";
import { builtinRecognizer, DEFAULT_BUILTIN_OPTIONS, type BuiltinOptions } from "./builtin-recognizer";
import { readGold, readSeedText } from "./gold/seed-gold";

export const ENTITY_LABEL_SPECS: LabelSpec[] = ENTITY_LABELS.map((l) => ({ name: l.name, description: l.description, kind: l.kind }));

/** The seed project's registry (lib/seed/seed-entities.ts) as a recognizer sees it. */
export const SEED_REGISTRY: RegistryEntity[] = SEED_ENTITIES.map((e) => ({ id: `seed:${e.name}`, name: e.name, type: e.type, aliases: e.aliases }));

export type Evaluation = { exact: SpanF1Result; overlap: SpanF1Result };

export async function evaluateOnSeeds(options: Partial<BuiltinOptions>): Promise<Evaluation> {
  const recognizer = builtinRecognizer(options);
  const reference: Span[] = [];
  const candidate: Span[] = [];
  let base = 0; // documents laid end to end, so spans of different documents never meet
  for (const doc of readGold()) {
    const text = readSeedText(doc.file);
    const proposals = await recognizer.recognize({ text, labels: ENTITY_LABEL_SPECS, guidelines: "", registry: SEED_REGISTRY });
    for (const s of doc.spans) reference.push({ start: base + s.start, end: base + s.end, label: s.label });
    for (const p of proposals) candidate.push({ start: base + p.start, end: base + p.end, label: p.label });
    base += Array.from(text).length + 1;
  }
  return { exact: spanF1(reference, candidate, { match: "exact" }), overlap: spanF1(reference, candidate, { match: "overlap" }) };
}

/** The configurations compared, from compromise alone to the default; each row adds one thing to the one before. */
const BARE: Partial<BuiltinOptions> = { registry: false, dates: "tags", splitLists: false, lexicon: false, groups: false, heads: false, acronyms: false };

/** The configurations compared, from compromise's matches as they come to the default; each row adds one thing to the one before. */
export const CONFIGURATIONS: { name: string; options: Partial<BuiltinOptions> }[] = [
  { name: "compromise's matches, cut at their edges", options: BARE },
  { name: "+ lists split into names", options: { ...BARE, splitLists: true } },
  { name: "+ compromise's lexicon as a gazetteer", options: { ...BARE, splitLists: true, lexicon: true } },
  { name: "+ religious and ethnic groups as NORP", options: { ...BARE, splitLists: true, lexicon: true, groups: true } },
  { name: "+ untyped names typed by head word", options: { ...BARE, splitLists: true, lexicon: true, groups: true, heads: true } },
  { name: "+ unknown acronyms as ORG", options: { ...BARE, splitLists: true, lexicon: true, groups: true, heads: true, acronyms: true } },
  { name: "+ the seed registry (the default)", options: { ...DEFAULT_BUILTIN_OPTIONS } },
  { name: "the default, dates from compromise-dates' dates() and durations()", options: { ...DEFAULT_BUILTIN_OPTIONS, dates: "plugin" } },
];

const pct = (x: number) => (Number.isNaN(x) ? "–" : (100 * x).toFixed(1));
const prf = (s: SpanScores) => `${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)}`;

/** Per label, exact and overlap: P, R, F1 in percent, gold and proposed counts. */
export function perLabelTable(e: Evaluation): string {
  const labels = ENTITY_LABEL_SPECS.map((l) => l.name).filter((l) => e.exact.perLabel[l]);
  const rows = labels.map((l) => {
    const x = e.exact.perLabel[l];
    return `| ${l} | ${x.reference} | ${x.candidate} | ${prf(x)} | ${prf(e.overlap.perLabel[l])} |`;
  });
  return [
    "| label | gold | proposed | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    `| **all** | ${e.exact.reference} | ${e.exact.candidate} | ${prf(e.exact)} | ${prf(e.overlap)} |`,
  ].join("\n");
}

/** The Markdown the README carries: the configurations compared, then the default per label with and without the registry. */
export async function renderEvaluation(): Promise<string> {
  const rows: string[] = [];
  for (const c of CONFIGURATIONS) {
    const e = await evaluateOnSeeds(c.options);
    rows.push(`| ${c.name} | ${prf(e.exact)} | ${prf(e.overlap)} |`);
  }
  const withRegistry = await evaluateOnSeeds(DEFAULT_BUILTIN_OPTIONS);
  const without = await evaluateOnSeeds({ ...DEFAULT_BUILTIN_OPTIONS, registry: false });
  return [
    "All labels, by configuration:",
    "",
    "| configuration | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    "The default, with the seed registry:",
    "",
    perLabelTable(withRegistry),
    "",
    "The default without a registry (compromise and the rules alone):",
    "",
    perLabelTable(without),
  ].join("\n");
}

const MARKERS = { start: "<!-- builtin-eval:start (npm run eval:builtin -- --write) -->", end: "<!-- builtin-eval:end -->" };

export function withEvaluation(readme: string, tables: string): string {
  const start = readme.indexOf(MARKERS.start);
  const end = readme.indexOf(MARKERS.end);
  if (start < 0 || end < start) throw new Error(`README.md has no ${MARKERS.start} … ${MARKERS.end} section`);
  return `${readme.slice(0, start + MARKERS.start.length)}\n${tables}\n${readme.slice(end)}`;
}
