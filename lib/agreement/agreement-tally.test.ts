import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AgreementTally } from "./agreement-tally";
import { cohenKappa } from "./cohen-kappa";
import { krippendorffAlpha } from "./krippendorff-alpha";
import { spanF1, type Span } from "./span-f1";
import { anyLabelUnits, documentWords, labelUnits, type CoderLayer } from "./token-units";

const DOC1 = "Sergey Lavrov met John Kerry in Baghdad."; // 7 words
const DOC2 = "Abadi said Iraq would share intelligence."; // 6 words
const w = (text: string, word: string, label: string, upTo = word): Span => {
  const start = Array.from(text.slice(0, text.indexOf(word))).length;
  return { start, end: start + Array.from(upTo).length, label };
};

const ann = [w(DOC1, "Sergey", "PERSON", "Sergey Lavrov"), w(DOC1, "John", "PERSON", "John Kerry"), w(DOC1, "Baghdad", "GPE")];
const bob = [w(DOC1, "Lavrov", "PERSON"), w(DOC1, "John", "ORG", "John Kerry"), w(DOC1, "Baghdad", "GPE")];
const ann2 = [w(DOC2, "Abadi", "PERSON"), w(DOC2, "Iraq", "GPE")];
const cy2 = [w(DOC2, "Abadi", "PERSON"), w(DOC2, "Iraq", "ORG")];

describe("AgreementTally", () => {
  const tally = new AgreementTally(["PERSON", "ORG", "GPE", "DATE"]);
  tally.addDocument(
    DOC1,
    new Map([
      ["ann", ann],
      ["bob", bob],
    ]),
  );
  tally.addDocument(
    DOC2,
    new Map([
      ["ann", ann2],
      ["cy", cy2],
    ]),
  );
  tally.addDocument("A single coder is not compared.", new Map([["ann", []]]));

  // The same figures, built the long way: coders × all words of both documents, missing where a coder has no layer.
  const words1 = documentWords(DOC1);
  const words2 = documentWords(DOC2);
  const layers1: CoderLayer[] = [ann, bob, null];
  const layers2: CoderLayer[] = [ann2, null, cy2];
  const concat = <T>(x: T[][], y: T[][]) => x.map((row, i) => [...row, ...y[i]]);

  it("alpha per label equals alpha over the concatenated word units with missing data", () => {
    for (const label of ["PERSON", "ORG", "GPE"]) {
      const data = concat(labelUnits(words1, layers1, label), labelUnits(words2, layers2, label));
      const row = tally.perLabel().find((r) => r.label === label);
      expect(row?.figures.alpha).toBeCloseTo(krippendorffAlpha(data, "nominal"), 12);
    }
    const any = concat(anyLabelUnits(words1, layers1), anyLabelUnits(words2, layers2));
    expect(tally.overall().alpha).toBeCloseTo(krippendorffAlpha(any, "nominal"), 12);
  });

  it("kappa and F1 are averaged over the coder pairs (ann–bob on doc 1, ann–cy on doc 2)", () => {
    const person1 = labelUnits(words1, layers1, "PERSON");
    const person2 = labelUnits(words2, layers2, "PERSON");
    const kappa = (cohenKappa(person1[0], person1[1]) + cohenKappa(person2[0], person2[2])) / 2;
    const person = tally.perLabel().find((r) => r.label === "PERSON")!.figures;
    expect(person.kappa).toBeCloseTo(kappa, 12);
    const f1 = (x: Span[], y: Span[], match: "exact" | "overlap") => spanF1(x, y, { match }).perLabel.PERSON.f1;
    expect(person.f1Exact).toBeCloseTo((f1(ann, bob, "exact") + f1(ann2, cy2, "exact")) / 2, 12);
    expect(person.f1Overlap).toBeCloseTo((f1(ann, bob, "overlap") + f1(ann2, cy2, "overlap")) / 2, 12);
    // doc 1: ann's 2 PERSON spans against bob's 1 ("Lavrov" inside "Sergey Lavrov"); doc 2: the same span
    expect(person.f1Exact).toBeCloseTo((0 + 1) / 2, 12);
    expect(person.f1Overlap).toBeCloseTo((2 / 3 + 1) / 2, 12);
    expect(person).toMatchObject({ units: 13, documents: 2, pairs: 2 });
  });

  it("reports an unused label with no variation as NaN, and keeps the label order given", () => {
    const rows = tally.perLabel();
    expect(rows.map((r) => r.label)).toEqual(["PERSON", "ORG", "GPE", "DATE"]);
    const date = rows[3].figures;
    expect(date.alpha).toBeNaN();
    expect(date.kappa).toBeNaN();
    expect(date.f1Exact).toBeNaN();
    expect(date).toMatchObject({ units: 13, documents: 2 });
  });

  it("adds labels met in the data after the given ones", () => {
    const t = new AgreementTally(["PERSON"]);
    t.addDocument(
      DOC1,
      new Map([
        ["a", [w(DOC1, "Baghdad", "GPE")]],
        ["b", []],
      ]),
    );
    expect(t.perLabel().map((r) => r.label)).toEqual(["PERSON", "GPE"]);
  });

  it("has nothing to say before two coders share a document", () => {
    const t = new AgreementTally(["PERSON"]);
    t.addDocument(DOC1, new Map([["a", ann]]));
    const o = t.overall();
    expect(o).toMatchObject({ units: 0, documents: 0, pairs: 0 });
    expect(o.alpha).toBeNaN();
  });

  it("gives every figure 1 when all coders made the same spans", () => {
    fc.assert(
      fc.property(fc.subarray(ann, { minLength: 1 }), fc.integer({ min: 2, max: 4 }), (spans, coders) => {
        const t = new AgreementTally();
        t.addDocument(DOC1, new Map(Array.from({ length: coders }, (_, i) => [`c${i}`, spans])));
        const o = t.overall();
        expect([o.alpha, o.kappa, o.f1Exact, o.f1Overlap].map((x) => x.toFixed(9))).toEqual(["1.000000000", "1.000000000", "1.000000000", "1.000000000"]);
      }),
    );
  });

  it("tells which labels annotators confused, word by word over the coder pairs", () => {
    const { values, counts } = tally.confusion();
    // DATE was never used, so it has no row; "O" (no label) comes last
    expect(values).toEqual(["PERSON", "ORG", "GPE", "O"]);
    const at = (a: string, b: string) => counts[values.indexOf(a)][values.indexOf(b)];
    expect(at("PERSON", "ORG")).toBe(2); // "John Kerry": PERSON for ann, ORG for bob
    expect(at("GPE", "ORG")).toBe(1); // "Iraq": GPE for ann, ORG for cy
    expect(at("PERSON", "O")).toBe(1); // "Sergey": only ann marked it
    expect(at("PERSON", "PERSON")).toBe(2); // "Lavrov", "Abadi"
    expect(at("O", "O")).toBe(6);
    expect(at("ORG", "ORG")).toBe(0);
    for (const [i, row] of counts.entries()) for (const [j, n] of row.entries()) expect(counts[j][i]).toBe(n);
  });

  it("counts every shared word once per coder pair in the confusion matrix", () => {
    const labels = ["PERSON", "ORG", "GPE"];
    const spanOf = fc.record({ word: fc.integer({ min: 0, max: 6 }), length: fc.integer({ min: 1, max: 2 }), label: fc.constantFrom(...labels) });
    fc.assert(
      fc.property(fc.array(fc.array(spanOf, { maxLength: 4 }), { minLength: 2, maxLength: 4 }), (coders) => {
        const words = documentWords(DOC1);
        const t = new AgreementTally(labels);
        const layers = coders.map((spans, c) => {
          const made = spans.map((s) => ({ start: words[s.word].start, end: words[Math.min(6, s.word + s.length - 1)].end, label: s.label }));
          return [`c${c}`, made] as const;
        });
        t.addDocument(DOC1, new Map(layers));
        const { counts } = t.confusion();
        let upper = 0;
        for (let i = 0; i < counts.length; i++) for (let j = i; j < counts.length; j++) upper += counts[i][j];
        expect(upper).toBe((words.length * coders.length * (coders.length - 1)) / 2);
      }),
    );
  });
});
