import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addCells, type Cells } from "./document-cells";
import { MIXED, polarityByPair, stanceCells, stanceFigures, type StanceStatement } from "./stance-agreement";

const st = (holderId: string, polarity: string, targetId = "t1"): StanceStatement => ({ holderId, targetId, polarity });

describe("agreement on stances", () => {
  it("gives the figures worked out by hand on a small example", () => {
    // A–B share h1, h2, h3: (F,F) (A,F) (N,N): 2 of 3 agree; κ = (3·2 − 3) / (9 − 3) = 0.5
    // A–C and B–C share h1: (F,A): 0 of 1; κ = (0 − 0) / (1 − 0) = 0
    const cells = stanceCells(
      new Map([
        ["A", [st("h1", "FAVOR"), st("h2", "AGAINST"), st("h3", "NEUTRAL")]],
        ["B", [st("h1", "FAVOR"), st("h2", "FAVOR"), st("h3", "NEUTRAL"), st("h4", "FAVOR")]],
        ["C", [st("h1", "AGAINST")]],
      ]),
    );
    const f = stanceFigures(cells);
    expect(f.percent).toBeCloseTo(2 / 5, 12);
    expect(f.kappa).toBeCloseTo((0.5 + 0 + 0) / 3, 12);
    expect([f.units, f.pairs, f.documents]).toEqual([5, 3, 3]);
  });

  it("a coder stating two polarities on one pair gives it MIXED; pairs one coder stated are not compared", () => {
    expect([...polarityByPair([st("h", "FAVOR"), st("h", "FAVOR"), st("h", "AGAINST"), st("g", "NEUTRAL")])]).toEqual([
      ["h\u0000t1", MIXED],
      ["g\u0000t1", "NEUTRAL"],
    ]);
    const f = stanceFigures(
      stanceCells(
        new Map([
          ["A", [st("h", "FAVOR")]],
          ["B", [st("g", "FAVOR")]],
        ]),
      ),
    );
    expect([f.units, f.pairs, f.documents, f.percent, f.kappa]).toEqual([0, 0, 0, NaN, NaN]);
  });

  it("property: summing documents' cells gives the figures of the documents together, and agreement stays within [0, 1]", () => {
    const polarity = fc.constantFrom("FAVOR", "AGAINST", "NEUTRAL", "UNCLEAR");
    const coder = fc.array(fc.tuple(fc.constantFrom("h1", "h2", "h3"), fc.constantFrom("t1", "t2"), polarity), { maxLength: 6 });
    const doc = fc.dictionary(fc.constantFrom("A", "B", "C"), coder);
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 5 }), (docs) => {
        const total: Cells = new Map();
        let agreed = 0;
        let units = 0;
        for (const d of docs) {
          const layers = new Map(Object.entries(d).map(([c, list]) => [c, list.map(([h, t, p]) => st(h, p, t))]));
          addCells(total, stanceCells(layers));
          const coders = [...layers.keys()].sort();
          for (let i = 0; i < coders.length; i++)
            for (let j = i + 1; j < coders.length; j++) {
              const a = polarityByPair(layers.get(coders[i])!);
              const b = polarityByPair(layers.get(coders[j])!);
              for (const [k, v] of a)
                if (b.has(k)) {
                  units++;
                  if (b.get(k) === v) agreed++;
                }
            }
        }
        const f = stanceFigures(total);
        expect(f.units).toBe(units);
        if (units > 0) expect(f.percent).toBeCloseTo(agreed / units, 12);
        if (Number.isFinite(f.kappa)) expect(f.kappa).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});
