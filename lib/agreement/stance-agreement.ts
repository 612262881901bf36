/**
 * Agreement on stances (holder → target → polarity), as cells that add up
 * across documents like the span cells (document-cells.ts). The unit is a
 * (holder, target) pair of a document that both coders of a pair stated a
 * stance on; its value is the polarity the coder gave (MIXED when one coder
 * stated two polarities on the same pair). Pairs only one coder stated are
 * not compared (nothing to agree on), as with Cohen's kappa on shared units.
 *
 * Cells:
 * - ["stance", A, B, a, b]: shared (holder, target) pairs to which coder A < B gave polarity a and B gave b
 * - ["stancedocs", A, B]: documents on which A and B share at least one pair
 *
 * Figures: pairwise percent agreement pooled over the coder pairs, and
 * Cohen's kappa over polarity per coder pair, averaged over the pairs where
 * it is defined (as for spans). Pure: no database here.
 */
import { ContingencyTable } from "./cohen-kappa";
import { addCell, cellKey, parseCellKey, type Cells } from "./document-cells";

export type StanceStatement = { holderId: string; targetId: string; polarity: string };
export const MIXED = "MIXED";

/** A coder's polarity per (holder, target) pair: the one they stated, or MIXED. */
export function polarityByPair(stances: readonly StanceStatement[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of stances) {
    const key = `${s.holderId}\u0000${s.targetId}`;
    const known = out.get(key);
    out.set(key, known === undefined || known === s.polarity ? s.polarity : MIXED);
  }
  return out;
}

/** Adds one document's stance cells: each coder's stances on it (coders with no layer left out). */
export function stanceCells(layers: ReadonlyMap<string, readonly StanceStatement[]>, out: Cells = new Map()): Cells {
  const coders = [...layers.keys()].sort();
  const values = coders.map((c) => polarityByPair(layers.get(c) ?? []));
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) {
      let shared = 0;
      for (const [pair, a] of values[i]) {
        const b = values[j].get(pair);
        if (b === undefined) continue;
        shared++;
        addCell(out, cellKey(["stance", coders[i], coders[j], a, b]), 1);
      }
      if (shared > 0) addCell(out, cellKey(["stancedocs", coders[i], coders[j]]), 1);
    }
  }
  return out;
}

export type StanceAgreementFigures = {
  /** share of shared (holder, target) pairs given the same polarity, pooled over coder pairs; NaN with none */
  percent: number;
  /** mean pairwise Cohen's kappa over polarity; NaN where undefined */
  kappa: number;
  /** shared (holder, target) pairs, summed over coder pairs */
  units: number;
  /** coder pairs sharing at least one (holder, target) pair */
  pairs: number;
  /** documents with a shared pair, summed over coder pairs */
  documents: number;
};

export function stanceFigures(cells: Iterable<readonly [string, number]>): StanceAgreementFigures {
  const tables = new Map<string, ContingencyTable<string>>();
  let documents = 0;
  for (const [key, n] of cells) {
    const [kind, a, b, va, vb] = parseCellKey(key);
    if (kind === "stancedocs") documents += n;
    if (kind !== "stance") continue;
    const pair = JSON.stringify([a, b]);
    let t = tables.get(pair);
    if (!t) tables.set(pair, (t = new ContingencyTable<string>()));
    t.add(String(va), String(vb), n);
  }
  let units = 0;
  let agreed = 0;
  const kappas: number[] = [];
  for (const t of tables.values()) {
    units += t.total;
    agreed += t.agreed;
    const k = t.kappa();
    if (Number.isFinite(k)) kappas.push(k);
  }
  return {
    percent: units ? agreed / units : NaN,
    kappa: kappas.length ? kappas.reduce((x, y) => x + y, 0) / kappas.length : NaN,
    units,
    pairs: tables.size,
    documents,
  };
}
