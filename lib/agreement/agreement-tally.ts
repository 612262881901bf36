/**
 * Agreement between annotators' span layers over many documents, added one
 * document at a time, or as the summed cells of many (document-cells.ts):
 * memory grows with the coders and labels, not with the documents. The units
 * are words (token-units.ts); per label a word's value is 1/0, and in the
 * any-label view it is the covering label or "O".
 *
 * Reported per label and overall:
 * - Krippendorff's alpha (nominal) over all coders, coders without a layer on
 *   a document counting as missing data;
 * - Cohen's kappa and span F1 (exact, overlap) per pair of coders, each
 *   pooled over the documents the pair shares, then averaged over the pairs
 *   where it is defined;
 * - how many units (words) and documents the figures rest on.
 */
import { CoincidenceMatrix } from "./coincidence-matrix";
import { ContingencyTable } from "./cohen-kappa";
import { addCells, agreementCells, parseCellKey, type Cells } from "./document-cells";
import { alphaOf } from "./krippendorff-alpha";
import { NO_SPANS, addSpanCounts, spanScores, type SpanCounts } from "./span-f1";
import { OUTSIDE, type LabeledSpan } from "./token-units";

export type AgreementFigures = {
  /** Krippendorff's alpha (nominal); NaN when undefined (no data, or no variation) */
  alpha: number;
  /** mean pairwise Cohen's kappa over word units */
  kappa: number;
  /** mean pairwise span F1, exact match */
  f1Exact: number;
  /** mean pairwise span F1, overlap match */
  f1Overlap: number;
  /** words in the compared documents */
  units: number;
  /** documents with at least two coders */
  documents: number;
  /** coder pairs that share at least one document */
  pairs: number;
};

/**
 * Which values annotators gave the same words, summed over annotator pairs:
 * counts[i][j] is how many times one annotator of a pair gave a word
 * values[i] and the other values[j] (OUTSIDE: no label). Symmetric; the
 * diagonal is agreement, the rest is confusion.
 */
export type LabelConfusion = { values: string[]; counts: number[][] };

type LabelSpans = { exact: number; overlap: number; reference: number; candidate: number };

class PairTally {
  documents = 0;
  words = 0;
  readonly anyLabel = new ContingencyTable<string>();
  /** per label: shared words marked by A only, B only, both (cells 01, 10, 11) */
  readonly labels = new Map<string, [number, number, number]>();
  readonly spans = new Map<string, LabelSpans>();

  labelKappa(label: string): number {
    const [b, a, both] = this.labels.get(label) ?? [0, 0, 0];
    const table = new ContingencyTable<number>();
    table.add(0, 0, this.words - a - b - both);
    table.add(0, 1, b);
    table.add(1, 0, a);
    table.add(1, 1, both);
    return table.kappa();
  }

  f1(label: string | null, match: "exact" | "overlap"): number {
    const counts = (s: LabelSpans): SpanCounts => ({ matched: s[match], reference: s.reference, candidate: s.candidate });
    if (label !== null) return spanScores(this.spans.has(label) ? counts(this.spans.get(label)!) : NO_SPANS).f1;
    let total = NO_SPANS;
    for (const s of this.spans.values()) total = addSpanCounts(total, counts(s));
    return spanScores(total).f1;
  }
}

/** What the figures are computed from: the summed cells, read once. */
type Sums = {
  units: number;
  documents: number;
  wordsByCoders: Map<number, number>;
  anyLabel: CoincidenceMatrix<string>;
  /** per label: m → j → words (j ≥ 1) */
  labelUnits: Map<string, Map<number, Map<number, number>>>;
  pairs: PairTally[];
  labels: string[];
  /** unordered pairs of any-label values (joined by NUL, sorted) → words, over all coder pairs */
  confusion: Map<string, number>;
};

export class AgreementTally {
  private readonly given: string[];
  private readonly cells: Cells = new Map();
  private sums: Sums | null = null;

  /** `labels`: the labels to report, in order; labels met in the data follow them, by name. */
  constructor(labels: readonly string[] = []) {
    this.given = [...new Set(labels)];
  }

  /** One document: its text and each coder's spans on it (coders with no layer left out). */
  addDocument(text: string, layers: ReadonlyMap<string, readonly LabeledSpan[]>): void {
    this.addCells(agreementCells(text, layers));
  }

  /** Documents' cells (document-cells.ts), one document's or many documents' sums. */
  addCells(cells: Iterable<readonly [string, number]>): void {
    addCells(this.cells, cells);
    this.sums = null;
  }

  overall(): AgreementFigures {
    const sums = this.read();
    return this.figures(sums, alphaOf(sums.anyLabel, "nominal").alpha, null);
  }

  perLabel(): { label: string; figures: AgreementFigures }[] {
    const sums = this.read();
    return sums.labels.map((label) => {
      const matrix = new CoincidenceMatrix<number>();
      const byCoders = sums.labelUnits.get(label);
      for (const [m, words] of sums.wordsByCoders) {
        let unmarked = words;
        for (const [marked, n] of byCoders?.get(m) ?? []) {
          matrix.addUnitCounts(
            new Map([
              [1, marked],
              [0, m - marked],
            ]),
            n,
          );
          unmarked -= n;
        }
        matrix.addUnitCounts(new Map([[0, m]]), unmarked);
      }
      return { label, figures: this.figures(sums, alphaOf(matrix, "nominal").alpha, label) };
    });
  }

  confusion(): LabelConfusion {
    const sums = this.read();
    const pairs = [...sums.confusion].map(([key, n]) => [...key.split("\u0000"), n] as [string, string, number]);
    const used = new Set(pairs.flatMap(([a, b]) => [a, b]));
    const values = [...sums.labels.filter((l) => used.has(l) && l !== OUTSIDE), ...[...used].filter((v) => v !== OUTSIDE && !sums.labels.includes(v)).sort()];
    if (used.has(OUTSIDE)) values.push(OUTSIDE);
    const index = new Map(values.map((v, i) => [v, i]));
    const counts = values.map(() => values.map(() => 0));
    for (const [a, b, n] of pairs) {
      const [i, j] = [index.get(a)!, index.get(b)!];
      counts[i][j] = n;
      counts[j][i] = n;
    }
    return { values, counts };
  }

  private figures(sums: Sums, alpha: number, label: string | null): AgreementFigures {
    const { pairs } = sums;
    return {
      alpha,
      kappa: mean(pairs.map((p) => (label === null ? p.anyLabel.kappa() : p.labelKappa(label)))),
      f1Exact: mean(pairs.map((p) => p.f1(label, "exact"))),
      f1Overlap: mean(pairs.map((p) => p.f1(label, "overlap"))),
      units: sums.units,
      documents: sums.documents,
      pairs: pairs.length,
    };
  }

  private read(): Sums {
    if (this.sums) return this.sums;
    const sums: Sums = {
      units: 0,
      documents: 0,
      wordsByCoders: new Map(),
      anyLabel: new CoincidenceMatrix<string>(),
      labelUnits: new Map(),
      pairs: [],
      labels: [],
      confusion: new Map(),
    };
    const pairs = new Map<string, PairTally>();
    const pair = (a: string | number, b: string | number) => {
      const key = JSON.stringify([a, b]);
      let p = pairs.get(key);
      if (!p) pairs.set(key, (p = new PairTally()));
      return p;
    };
    const met = new Set<string>();
    for (const key of [...this.cells.keys()].sort()) {
      const n = this.cells.get(key)!;
      const [kind, ...rest] = parseCellKey(key);
      if (kind === "docs") sums.documents += n;
      else if (kind === "words") {
        sums.units += n;
        sums.wordsByCoders.set(Number(rest[0]), (sums.wordsByCoders.get(Number(rest[0])) ?? 0) + n);
      } else if (kind === "any") {
        const counts = new Map<string, number>();
        for (let i = 0; i < rest.length; i += 2) counts.set(String(rest[i]), Number(rest[i + 1]));
        sums.anyLabel.addUnitCounts(counts, n);
      } else if (kind === "label") {
        const [label, m, marked] = [String(rest[0]), Number(rest[1]), Number(rest[2])];
        met.add(label);
        const byCoders = sums.labelUnits.get(label) ?? new Map<number, Map<number, number>>();
        sums.labelUnits.set(label, byCoders);
        const byMarked = byCoders.get(m) ?? new Map<number, number>();
        byCoders.set(m, byMarked);
        byMarked.set(marked, (byMarked.get(marked) ?? 0) + n);
      } else if (kind === "pairdocs") pair(rest[0], rest[1]).documents += n;
      else if (kind === "pairwords") pair(rest[0], rest[1]).words += n;
      else if (kind === "pairany") {
        const [a, b] = [String(rest[2]), String(rest[3])];
        pair(rest[0], rest[1]).anyLabel.add(a, b, n);
        const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
        sums.confusion.set(key, (sums.confusion.get(key) ?? 0) + n);
      } else if (kind === "pairlabel") {
        const p = pair(rest[0], rest[1]);
        const label = String(rest[2]);
        const cells = p.labels.get(label) ?? [0, 0, 0];
        cells[Number(rest[3]) * 2 + Number(rest[4]) - 1] += n;
        p.labels.set(label, cells);
      } else if (kind === "span") {
        const p = pair(rest[0], rest[1]);
        const label = String(rest[2]);
        met.add(label);
        const s = p.spans.get(label) ?? { exact: 0, overlap: 0, reference: 0, candidate: 0 };
        s[rest[3] as keyof LabelSpans] += n;
        p.spans.set(label, s);
      }
    }
    sums.pairs = [...pairs.values()].filter((p) => p.documents > 0);
    sums.labels = [...this.given, ...[...met].filter((l) => !this.given.includes(l)).sort()];
    return (this.sums = sums);
  }
}

/** Mean of the defined values; NaN when none is. */
function mean(values: number[]): number {
  const defined = values.filter(Number.isFinite);
  return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : NaN;
}
