/**
 * The agreement tally as it was before the figures came from summed cells
 * (commit 48ef15d, lib/agreement/agreement-tally.ts), kept as the reference
 * the cells must reproduce. Tests only.
 */
import { CoincidenceMatrix } from "../coincidence-matrix";
import { ContingencyTable } from "../cohen-kappa";
import { alphaOf } from "../krippendorff-alpha";
import { NO_SPANS, addSpanCounts, spanF1, spanScores, type SpanCounts, type SpanMatch } from "../span-f1";
import { coveredWords, documentWords, wordLabels, type LabeledSpan } from "../token-units";
import type { AgreementFigures } from "../agreement-tally";

const MATCHES: readonly SpanMatch[] = ["exact", "overlap"];

class PairTally {
  readonly anyLabel = new ContingencyTable<string>();
  readonly labels = new Map<string, ContingencyTable<number>>();
  readonly spans = { exact: new SpanTotals(), overlap: new SpanTotals() };

  labelTable(label: string) {
    let t = this.labels.get(label);
    if (!t) this.labels.set(label, (t = new ContingencyTable<number>()));
    return t;
  }
}

class SpanTotals {
  overall: SpanCounts = NO_SPANS;
  readonly labels = new Map<string, SpanCounts>();
  add(label: string | null, counts: SpanCounts) {
    if (label === null) this.overall = addSpanCounts(this.overall, counts);
    else this.labels.set(label, addSpanCounts(this.labels.get(label) ?? NO_SPANS, counts));
  }
  f1(label: string | null) {
    return spanScores(label === null ? this.overall : (this.labels.get(label) ?? NO_SPANS)).f1;
  }
}

export class LegacyAgreementTally {
  private readonly labels: string[];
  private units = 0;
  private documents = 0;
  private readonly anyLabelAlpha = new CoincidenceMatrix<string>();
  /** per label: how many words had m coders of whom j marked the word ("m:j" → words) */
  private readonly labelUnits = new Map<string, Map<string, number>>();
  private readonly pairs = new Map<string, PairTally>();

  /** `labels`: the labels to report, in order; labels met in the data are added after them. */
  constructor(labels: readonly string[] = []) {
    this.labels = [...new Set(labels)];
  }

  /** One document: its text and each coder's spans on it (coders with no layer left out). */
  addDocument(text: string, layers: ReadonlyMap<string, readonly LabeledSpan[]>): void {
    const coders = [...layers.keys()].sort();
    if (coders.length < 2) return;
    const spans = coders.map((c) => layers.get(c) ?? []);
    for (const list of spans) for (const s of list) if (!this.labels.includes(s.label)) this.labels.push(s.label);
    const words = documentWords(text);
    this.documents++;
    this.units += words.length;

    const anyLabel = spans.map((list) => wordLabels(words, list));
    for (let w = 0; w < words.length; w++) this.anyLabelAlpha.addUnit(anyLabel.map((values) => values[w]));

    const covered = new Map(
      this.labels.map((label) => [
        label,
        spans.map((list) =>
          coveredWords(
            words,
            list.filter((s) => s.label === label),
          ),
        ),
      ]),
    );
    for (const [label, perCoder] of covered) {
      const histogram = this.labelUnits.get(label) ?? new Map<string, number>();
      this.labelUnits.set(label, histogram);
      for (let w = 0; w < words.length; w++) {
        let marked = 0;
        for (const c of perCoder) marked += c[w];
        const key = `${perCoder.length}:${marked}`;
        histogram.set(key, (histogram.get(key) ?? 0) + 1);
      }
    }

    for (let i = 0; i < coders.length; i++) {
      for (let j = i + 1; j < coders.length; j++) {
        const pair = this.pair(coders[i], coders[j]);
        for (let w = 0; w < words.length; w++) pair.anyLabel.add(anyLabel[i][w], anyLabel[j][w]);
        for (const [label, perCoder] of covered) {
          const table = pair.labelTable(label);
          const cells = [0, 0, 0, 0];
          for (let w = 0; w < words.length; w++) cells[perCoder[i][w] * 2 + perCoder[j][w]]++;
          cells.forEach((n, cell) => table.add(cell >> 1, cell & 1, n));
        }
        for (const match of MATCHES) {
          const result = spanF1(spans[i], spans[j], { match });
          pair.spans[match].add(null, result);
          for (const [label, counts] of Object.entries(result.perLabel)) pair.spans[match].add(label, counts);
        }
      }
    }
  }

  overall(): AgreementFigures {
    return this.figures(alphaOf(this.anyLabelAlpha, "nominal").alpha, null);
  }

  perLabel(): { label: string; figures: AgreementFigures }[] {
    return this.labels.map((label) => {
      const matrix = new CoincidenceMatrix<number>();
      for (const [key, words] of this.labelUnits.get(label) ?? []) {
        const [m, marked] = key.split(":").map(Number);
        matrix.addUnitCounts(
          new Map([
            [1, marked],
            [0, m - marked],
          ]),
          words,
        );
      }
      return { label, figures: this.figures(alphaOf(matrix, "nominal").alpha, label) };
    });
  }

  private figures(alpha: number, label: string | null): AgreementFigures {
    const pairs = [...this.pairs.values()];
    const kappa = mean(pairs.map((p) => (label === null ? p.anyLabel.kappa() : (p.labels.get(label)?.kappa() ?? NaN))));
    return {
      alpha,
      kappa,
      f1Exact: mean(pairs.map((p) => p.spans.exact.f1(label))),
      f1Overlap: mean(pairs.map((p) => p.spans.overlap.f1(label))),
      units: this.units,
      documents: this.documents,
      pairs: pairs.length,
    };
  }

  private pair(a: string, b: string): PairTally {
    const key = JSON.stringify([a, b]);
    let tally = this.pairs.get(key);
    if (!tally) this.pairs.set(key, (tally = new PairTally()));
    return tally;
  }
}

/** Mean of the defined values; NaN when none is. */
function mean(values: number[]): number {
  const defined = values.filter(Number.isFinite);
  return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : NaN;
}
