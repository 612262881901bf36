/**
 * The built-in recognizer: compromise, in-process and offline (it ships its
 * own lexicon), plus the project's entity registry. Registry matches carry
 * their entity and win over compromise's guesses where the two overlap.
 * compromise reads some 20–45 characters per millisecond of CPU, so the
 * text goes in pieces of at most 500 characters (whole paragraphs where they
 * are short enough), with a turn of the event loop after parsing a piece and
 * after reading it: about 10 ms each. A 2,000,000-character document takes
 * over a minute of CPU (README, "Pre-annotation quality").
 */
import { turn } from "@/lib/agreement/stored/turn";
import type { Proposal, RecognizeInput, Recognizer } from "@/lib/assist/recognizer";
import { TextIndex } from "@/lib/text/offsets";
import { paragraphChunks } from "./chunks";
import { COMPROMISE_VERSION, parse } from "./compromise-doc";
import { compromiseCandidates, TIER, type Candidate, type CompromiseRules } from "./compromise-spans";
import { RegistryIndex } from "./registry-matches";
import { resolveOverlaps } from "./resolve-overlaps";

export type BuiltinOptions = CompromiseRules & {
  /** match the registry's names and aliases (input.registry) */
  registry: boolean;
  /** UTF-16 units per piece at most; each piece holds the event loop while compromise parses it */
  chunkChars: number;
};

/** The configuration the seed evaluation chose (README, "Pre-annotation quality"). */
export const DEFAULT_BUILTIN_OPTIONS: BuiltinOptions = {
  registry: true,
  dates: "tags",
  splitLists: true,
  lexicon: true,
  groups: true,
  heads: true,
  acronyms: true,
  chunkChars: 500,
};

/** What compromise and the rules can propose; registry matches carry their entity's type. */
export const COMPROMISE_LABELS: readonly string[] = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "QUANTITY"];

export const BUILTIN_ORIGIN = `builtin:compromise-${COMPROMISE_VERSION.split(".")[0]}`;

// compromise's first parses set up caches and compile its tagger, which costs the first
// pieces of the first document two to three times as long; pay that here, where the
// module loads (once, at server start), rather than inside a job.
const WARM_UP =
  "U.S. Secretary of State John Kerry, who met Russian Foreign Minister Sergei Lavrov in New York on Sunday, September 27, " +
  "said more than $20 billion and about a third of Iraq were at stake; Shiite militias, the Joint Operations Command and AFP agreed.";
for (let i = 0; i < 3; i++) compromiseCandidates(parse(WARM_UP), WARM_UP, DEFAULT_BUILTIN_OPTIONS);

export function builtinRecognizer(options: Partial<BuiltinOptions> = {}): Recognizer {
  const opts = { ...DEFAULT_BUILTIN_OPTIONS, ...options };
  return {
    origin: BUILTIN_ORIGIN,
    recognize: (input) => recognize(input, opts),
  };
}

async function recognize(input: RecognizeInput, opts: BuiltinOptions): Promise<Proposal[]> {
  const { text, signal } = input;
  const wanted = new Set(input.labels.map((l) => l.name));
  const registry = new RegistryIndex(opts.registry ? input.registry.filter((e) => wanted.has(e.type)) : []);
  const useCompromise = COMPROMISE_LABELS.some((l) => wanted.has(l));
  const proposals: Proposal[] = [];
  let cpBase = 0;
  for (const chunk of paragraphChunks(text, opts.chunkChars)) {
    signal?.throwIfAborted();
    const piece = text.slice(chunk.from, chunk.to);
    const found: Candidate[] = registry
      .find(piece)
      .map((m) => ({ from: m.from, to: m.to, label: m.label, tier: TIER.registry, prefer: 0, entityId: m.entityId }));
    if (useCompromise && /[\p{L}\p{N}]/u.test(piece)) {
      const doc = parse(piece);
      await turn();
      signal?.throwIfAborted();
      found.push(...compromiseCandidates(doc, piece, opts).filter((c) => wanted.has(c.label)));
    }
    const index = new TextIndex(piece);
    for (const c of resolveOverlaps(found, piece.length)) {
      const p: Proposal = { start: cpBase + index.utf16ToCp(c.from), end: cpBase + index.utf16ToCp(c.to), label: c.label };
      if (c.entityId) p.entityId = c.entityId;
      proposals.push(p);
    }
    cpBase += index.length;
    await turn();
  }
  signal?.throwIfAborted();
  return proposals;
}
