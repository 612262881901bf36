/**
 * Agreement on document labels, per label set, as cells that add up across
 * documents (like document-cells.ts for spans; stored per document and summed
 * per project in lib/agreement/stored). Sets and choices are named by id, so
 * renaming them leaves the stored cells valid.
 *
 * A single-choice set is one nominal unit per document: its value is the
 * coder's choice, a coder who chose nothing in the set is missing data.
 * A multiple-choice set is one binary unit per document and choice (chosen or
 * not) for every counted coder, on documents where at least one of them chose
 * something in the set (nobody choosing reads as the set not being looked
 * at); the figures pool the set's choices.
 *
 * Cells (in the counted scopes of document-share.ts):
 * - ["dlone", S, v1, n1, v2, n2, …]: a document where n1 coders chose v1 in single-choice set S … (at least two coders)
 * - ["dlpairone", S, A, B, a, b]: documents where coders A < B both chose in S, A a and B b
 * - ["dldocs", S, m]: documents with m ≥ 2 counted coders, for multiple-choice set S
 * - ["dlmulti", S, c, m, j]: of those, documents where j ≥ 1 of the m coders chose c
 * - ["dlpairdocs", S, A, B]: documents coders A < B share, for multiple-choice set S
 * - ["dlpairmulti", S, c, A, B, a, b]: shared documents where A did (a = 1) or did not choose c, B likewise; (0, 0) is the rest
 */
import { CoincidenceMatrix } from "./coincidence-matrix";
import { ContingencyTable } from "./cohen-kappa";
import { addCell, cellKey, parseCellKey, type Cells } from "./document-cells";
import { alphaOf } from "./krippendorff-alpha";

/** A coder's document label: the choice, its set, and whether the set takes several. */
export type CodedDocLabel = { setId: string; choiceId: string; multiple: boolean };

/** Adds one document's document-label cells for its counted coders (user id → their labels); fewer than two coders: none. */
export function docLabelCells(coders: ReadonlyMap<string, readonly CodedDocLabel[]>, out: Cells): Cells {
  const users = [...coders.keys()].sort();
  const m = users.length;
  if (m < 2) return out;
  const sets = new Map<string, boolean>();
  for (const labels of coders.values()) for (const l of labels) sets.set(l.setId, l.multiple);
  for (const [setId, multiple] of sets) {
    const chosen = users.map((u) =>
      (coders.get(u) ?? [])
        .filter((l) => l.setId === setId)
        .map((l) => l.choiceId)
        .sort(),
    );
    if (!multiple) {
      // one value per coder (the first, should a layer still hold two from when the set took several)
      const value = chosen.map((c) => c[0] ?? null);
      const counts = new Map<string, number>();
      for (const v of value) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
      if (value.filter((v) => v !== null).length >= 2) addCell(out, cellKey(["dlone", setId, ...[...counts].sort(([a], [b]) => (a < b ? -1 : 1)).flat()]), 1);
      for (let i = 0; i < m; i++) {
        for (let j = i + 1; j < m; j++) {
          if (value[i] !== null && value[j] !== null) addCell(out, cellKey(["dlpairone", setId, users[i], users[j], value[i]!, value[j]!]), 1);
        }
      }
      continue;
    }
    addCell(out, cellKey(["dldocs", setId, m]), 1);
    const choices = [...new Set(chosen.flat())].sort();
    for (const c of choices) addCell(out, cellKey(["dlmulti", setId, c, m, chosen.filter((list) => list.includes(c)).length]), 1);
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        addCell(out, cellKey(["dlpairdocs", setId, users[i], users[j]]), 1);
        for (const c of choices) {
          const [a, b] = [Number(chosen[i].includes(c)), Number(chosen[j].includes(c))];
          if (a + b > 0) addCell(out, cellKey(["dlpairmulti", setId, c, users[i], users[j], a, b]), 1);
        }
      }
    }
  }
  return out;
}

/** Where these cells name users (key positions), for document-share.ts's compact storage. */
export const DOC_LABEL_USER_POSITIONS: Record<string, number[]> = { dlpairone: [2, 3], dlpairdocs: [2, 3], dlpairmulti: [3, 4] };

export type DocLabelSetFigures = {
  /** Krippendorff's alpha (nominal); NaN when undefined */
  alpha: number;
  /** mean pairwise Cohen's kappa */
  kappa: number;
  /** documents coded by at least two coders */
  documents: number;
  /** coder pairs that share at least one coded document */
  pairs: number;
};

const mean = (values: number[]) => {
  const defined = values.filter(Number.isFinite);
  return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : NaN;
};

/**
 * Per-set figures from summed cells. `sets`: the sets to report with their choice ids (a multiple-choice set's
 * unchosen choices are its units too, so the current schema is needed); choices met in the cells are added.
 */
export function docLabelFigures(
  cells: Cells,
  sets: readonly { id: string; multiple: boolean; choiceIds: readonly string[] }[],
): Map<string, DocLabelSetFigures> {
  const byKind = new Map<string, [ReturnType<typeof parseCellKey>, number][]>();
  for (const [key, n] of cells) {
    if (!key.startsWith('["dl')) continue;
    const parts = parseCellKey(key);
    const kind = String(parts[0]);
    byKind.set(kind, [...(byKind.get(kind) ?? []), [parts, n]]);
  }
  const rows = (kind: string, setId: string) => (byKind.get(kind) ?? []).filter(([parts]) => parts[1] === setId);
  const out = new Map<string, DocLabelSetFigures>();
  for (const set of sets) {
    if (!set.multiple) {
      const matrix = new CoincidenceMatrix<string>();
      let documents = 0;
      for (const [parts, n] of rows("dlone", set.id)) {
        const counts = new Map<string, number>();
        for (let i = 2; i < parts.length; i += 2) counts.set(String(parts[i]), Number(parts[i + 1]));
        matrix.addUnitCounts(counts, n);
        documents += n;
      }
      const pairs = new Map<string, ContingencyTable<string>>();
      for (const [parts, n] of rows("dlpairone", set.id)) {
        const key = `${parts[2]}\u0000${parts[3]}`;
        const table = pairs.get(key) ?? new ContingencyTable<string>();
        pairs.set(key, table);
        table.add(String(parts[4]), String(parts[5]), n);
      }
      out.set(set.id, { alpha: alphaOf(matrix, "nominal").alpha, kappa: mean([...pairs.values()].map((t) => t.kappa())), documents, pairs: pairs.size });
      continue;
    }
    const choiceIds = [...new Set([...set.choiceIds, ...rows("dlmulti", set.id).map(([parts]) => String(parts[2]))])];
    const docsByCoders = new Map<number, number>();
    for (const [parts, n] of rows("dldocs", set.id)) docsByCoders.set(Number(parts[2]), (docsByCoders.get(Number(parts[2])) ?? 0) + n);
    const matrix = new CoincidenceMatrix<number>();
    for (const c of choiceIds) {
      const marked = rows("dlmulti", set.id).filter(([parts]) => parts[2] === c);
      for (const [m, docs] of docsByCoders) {
        let rest = docs;
        for (const [parts, n] of marked.filter(([parts]) => Number(parts[3]) === m)) {
          const j = Number(parts[4]);
          matrix.addUnitCounts(
            new Map([
              [1, j],
              [0, m - j],
            ]),
            n,
          );
          rest -= n;
        }
        matrix.addUnitCounts(new Map([[0, m]]), rest);
      }
    }
    const pairDocs = new Map<string, number>();
    for (const [parts, n] of rows("dlpairdocs", set.id)) pairDocs.set(`${parts[2]}\u0000${parts[3]}`, (pairDocs.get(`${parts[2]}\u0000${parts[3]}`) ?? 0) + n);
    const kappas: number[] = [];
    for (const [pair, docs] of pairDocs) {
      const table = new ContingencyTable<number>();
      let rest = docs * choiceIds.length;
      for (const [parts, n] of rows("dlpairmulti", set.id)) {
        if (`${parts[3]}\u0000${parts[4]}` !== pair) continue;
        table.add(Number(parts[5]), Number(parts[6]), n);
        rest -= n;
      }
      table.add(0, 0, rest);
      kappas.push(table.kappa());
    }
    out.set(set.id, {
      alpha: alphaOf(matrix, "nominal").alpha,
      kappa: mean(kappas),
      documents: [...docsByCoders.values()].reduce((a, b) => a + b, 0),
      pairs: pairDocs.size,
    });
  }
  return out;
}
