import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addCells, type Cells } from "./document-cells";
import { docLabelCells, docLabelFigures, type CodedDocLabel } from "./doc-label-agreement";
import { krippendorffAlpha } from "./krippendorff-alpha";
import { cohenKappa } from "./cohen-kappa";

const CODERS = ["u1", "u2", "u3"];
const SINGLE = { id: "S", multiple: false, choiceIds: ["a", "b", "c"] };
const MULTI = { id: "M", multiple: true, choiceIds: ["x", "y", "z"] };

/** documents × coders: each coder's single choice (or none) and multiple choices, or no layer at all */
type Coding = { single: string | null; multi: string[] } | null;
const coding = fc.option(fc.record({ single: fc.option(fc.constantFrom("a", "b", "c"), { nil: null }), multi: fc.subarray(["x", "y", "z"]) }), {
  nil: null,
  freq: 5,
});
const corpus = fc.array(fc.tuple(coding, coding, coding), { minLength: 1, maxLength: 12 });

function summed(docs: Coding[][]): Cells {
  const cells: Cells = new Map();
  for (const doc of docs) {
    const coders = new Map<string, CodedDocLabel[]>();
    doc.forEach((c, i) => {
      if (!c) return;
      coders.set(CODERS[i], [
        ...(c.single ? [{ setId: "S", choiceId: c.single, multiple: false }] : []),
        ...c.multi.map((m) => ({ setId: "M", choiceId: m, multiple: true })),
      ]);
    });
    addCells(cells, docLabelCells(coders, new Map()));
  }
  return cells;
}

const same = (a: number, b: number) => (Number.isNaN(a) ? expect(b).toBeNaN() : expect(b).toBeCloseTo(a, 9));

describe("document label agreement from cells", () => {
  it("equals alpha and mean pairwise kappa computed from the raw codings (single-choice: none is missing)", () => {
    fc.assert(
      fc.property(corpus, (docs) => {
        const counted = docs.map((doc) => (doc.filter(Boolean).length >= 2 ? doc : doc.map(() => null)));
        const figures = docLabelFigures(summed(docs), [SINGLE, MULTI]);
        // single: one unit per document, counted coders only
        const data = CODERS.map((_, i) => counted.map((doc) => doc[i]?.single ?? null));
        same(krippendorffAlpha(data, "nominal"), figures.get("S")!.alpha);
        const pairKappas: number[] = [];
        for (let i = 0; i < 3; i++)
          for (let j = i + 1; j < 3; j++) {
            if (counted.some((d) => d[i]?.single && d[j]?.single)) pairKappas.push(cohenKappa(data[i], data[j]));
          }
        const defined = pairKappas.filter(Number.isFinite);
        same(defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : NaN, figures.get("S")!.kappa);
        // multiple: one binary unit per document and choice, for every coder with a layer, on counted documents where someone chose in the set
        const units = counted.flatMap((doc) =>
          doc.some((d) => d && d.multi.length > 0) ? ["x", "y", "z"].map((c) => doc.map((d) => (d ? Number(d.multi.includes(c)) : null))) : [],
        );
        const multiData = CODERS.map((_, i) => units.map((u) => u[i]));
        same(krippendorffAlpha(multiData, "nominal"), figures.get("M")!.alpha);
        const multiKappas: number[] = [];
        for (let i = 0; i < 3; i++)
          for (let j = i + 1; j < 3; j++) {
            if (units.some((u) => u[i] !== null && u[j] !== null)) multiKappas.push(cohenKappa(multiData[i], multiData[j]));
          }
        const definedMulti = multiKappas.filter(Number.isFinite);
        same(definedMulti.length ? definedMulti.reduce((a, b) => a + b, 0) / definedMulti.length : NaN, figures.get("M")!.kappa);
      }),
      { numRuns: 200 },
    );
  });

  it("counts documents and pairs, and nothing for a document with one coder", () => {
    const one = summed([[{ single: "a", multi: ["x"] }, null, null]]);
    expect(one.size).toBe(0);
    const f = docLabelFigures(
      summed([
        [{ single: "a", multi: ["x"] }, { single: "a", multi: ["x"] }, null],
        [{ single: "b", multi: [] }, { single: "b", multi: ["y"] }, null],
      ]),
      [SINGLE, MULTI],
    );
    expect(f.get("S")).toMatchObject({ alpha: 1, kappa: 1, documents: 2, pairs: 1 });
    expect(f.get("M")!.documents).toBe(2);
    expect(f.get("M")!.alpha).toBeLessThan(1);
  });
});
