import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AgreementTally, type AgreementFigures } from "./agreement-tally";
import { addCells, agreementCells, type Cells } from "./document-cells";
import { decodeShare, documentShare, encodeShare } from "./document-share";
import { documentWords, type LabeledSpan } from "./token-units";
import { LegacyAgreementTally } from "./testing/legacy-agreement-tally";

const LABELS = ["PERSON", "ORG", "GPE"];
const TEXTS = [
  "Sergey Lavrov met John Kerry in Baghdad on Sunday.",
  "Abadi said Iraq would share intelligence with Russia, Iran and Syria.",
  "Über 🙂 Nacht: «Berlin» — und Moskau.",
  "...",
];

/** A document: one of the texts, and 2–4 coders' spans over its words (possibly nested, overlapping or repeated). */
const documentArb = fc.integer({ min: 0, max: TEXTS.length - 1 }).chain((t) => {
  const words = documentWords(TEXTS[t]);
  const span = words.length
    ? fc
        .record({ from: fc.nat(words.length - 1), length: fc.integer({ min: 1, max: 3 }), label: fc.constantFrom(...LABELS) })
        .map(({ from, length, label }): LabeledSpan => ({ start: words[from].start, end: words[Math.min(words.length - 1, from + length - 1)].end, label }))
    : fc.constant<LabeledSpan>({ start: 0, end: 1, label: "PERSON" });
  return fc.record({
    text: fc.constant(TEXTS[t]),
    layers: fc
      .uniqueArray(fc.constantFrom("ann", "bob", "cy", "dee"), { minLength: 1, maxLength: 4 })
      .chain((coders) => fc.tuple(...coders.map((c) => fc.array(span, { maxLength: 5 }).map((spans) => [c, spans] as const)))),
  });
});

const close = (a: AgreementFigures, b: AgreementFigures) => {
  for (const k of ["alpha", "kappa", "f1Exact", "f1Overlap"] as const) {
    if (Number.isNaN(b[k])) expect(a[k], k).toBeNaN();
    else expect(a[k], k).toBeCloseTo(b[k], 12);
  }
  expect([a.units, a.documents, a.pairs]).toEqual([b.units, b.documents, b.pairs]);
};

function sameFigures(tally: AgreementTally, reference: { overall(): AgreementFigures; perLabel(): { label: string; figures: AgreementFigures }[] }) {
  close(tally.overall(), reference.overall());
  const rows = tally.perLabel();
  expect(rows.map((r) => r.label)).toEqual(reference.perLabel().map((r) => r.label));
  reference.perLabel().forEach((r, i) => close(rows[i].figures, r.figures));
}

describe("agreement from summed document cells", () => {
  it("gives the figures of the tally it replaced", () => {
    fc.assert(
      fc.property(fc.array(documentArb, { maxLength: 5 }), (docs) => {
        const legacy = new LegacyAgreementTally(LABELS);
        const tally = new AgreementTally(LABELS);
        for (const d of docs) {
          legacy.addDocument(d.text, new Map(d.layers));
          tally.addDocument(d.text, new Map(d.layers));
        }
        sameFigures(tally, legacy);
      }),
      { numRuns: 200 },
    );
  });

  it("adds up in any order, and taking a document's cells out leaves the figures of the others", () => {
    fc.assert(
      fc.property(fc.array(documentArb, { minLength: 1, maxLength: 5 }), fc.nat(), (docs, pick) => {
        const cells = docs.map((d) => agreementCells(d.text, new Map(d.layers)));
        const summed: Cells = new Map();
        for (const c of [...cells].reverse()) addCells(summed, c);
        const fromSums = new AgreementTally(LABELS);
        fromSums.addCells(summed);
        const oneByOne = new AgreementTally(LABELS);
        for (const d of docs) oneByOne.addDocument(d.text, new Map(d.layers));
        sameFigures(fromSums, oneByOne);

        const gone = pick % docs.length;
        const withoutOne = new AgreementTally(LABELS);
        withoutOne.addCells(addCells(new Map(summed), cells[gone], -1));
        const others = new AgreementTally(LABELS);
        docs.forEach((d, i) => i !== gone && others.addDocument(d.text, new Map(d.layers)));
        sameFigures(withoutOne, others);
      }),
      { numRuns: 200 },
    );
  });

  it("counts a label used in the data over every compared document, wherever it was first met", () => {
    const [one, two] = TEXTS;
    const early = new AgreementTally(["PERSON"]);
    const late = new AgreementTally(["PERSON"]);
    const withGpe = new Map([
      ["a", [{ start: 0, end: 5, label: "GPE" }]],
      ["b", []],
    ]);
    const without = new Map([
      ["a", []],
      ["b", []],
    ]);
    early.addDocument(one, withGpe);
    early.addDocument(two, without);
    late.addDocument(two, without);
    late.addDocument(one, withGpe);
    expect(early.perLabel()).toEqual(late.perLabel());
    expect(early.perLabel().map((r) => r.label)).toEqual(["PERSON", "GPE"]);
  });
});

describe("a document's share", () => {
  const text = TEXTS[0];
  const spans = (...labels: string[]): LabeledSpan[] => labels.map((label, i) => ({ start: i * 7, end: i * 7 + 6, label }));
  const layers = [
    { kind: "ANNOTATOR", userId: "u1", status: "SUBMITTED", spans: spans("PERSON", "GPE") },
    { kind: "ANNOTATOR", userId: "u2", status: "APPROVED", spans: spans("PERSON") },
    { kind: "ANNOTATOR", userId: "u3", status: "IN_PROGRESS", spans: spans("ORG") },
    { kind: "ANNOTATOR", userId: "u4", status: "REJECTED", spans: spans("ORG", "ORG") },
    { kind: "GOLD", userId: null, status: "IN_PROGRESS", spans: spans("PERSON", "GPE", "DATE") },
  ];

  it("counts the layers each scope counts, gold, and every annotator's layers and spans", () => {
    const share = documentShare(text, layers);
    const two = new Map([
      ["u1", layers[0].spans],
      ["u2", layers[1].spans],
    ]);
    const three = new Map([...two, ["u3", layers[2].spans]]);
    expect(share.completed).toEqual(
      addCells(agreementCells(text, two), [
        ['["dist","PERSON"]', 2],
        ['["dist","GPE"]', 1],
      ]),
    );
    expect(share.in_progress).toEqual(
      addCells(agreementCells(text, three), [
        ['["dist","PERSON"]', 2],
        ['["dist","GPE"]', 1],
        ['["dist","ORG"]', 1],
      ]),
    );
    expect(Object.fromEntries(share.all)).toEqual({
      '["gold","PERSON"]': 1,
      '["gold","GPE"]': 1,
      '["gold","DATE"]': 1,
      '["layers","u1","SUBMITTED"]': 1,
      '["layers","u2","APPROVED"]': 1,
      '["layers","u3","IN_PROGRESS"]': 1,
      '["layers","u4","REJECTED"]': 1,
      '["spans","u1"]': 2,
      '["spans","u2"]': 1,
      '["spans","u3"]': 1,
      '["spans","u4"]': 2,
    });
  });

  it("comes back from its stored form unchanged", () => {
    fc.assert(
      fc.property(fc.subarray(layers), (some) => {
        const share = documentShare(text, some);
        expect(decodeShare(encodeShare(share))).toEqual(share);
      }),
    );
    expect(decodeShare("{}")).toEqual({ completed: new Map(), in_progress: new Map(), all: new Map() });
  });
});
