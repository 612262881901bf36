import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { inOffsetUnit } from "./offset-unit";
import { withLabels } from "./label-subset";
import { spacyRecords } from "./format-spacy";
import { doccanoRecords } from "./format-doccano";
import { labelStudioTask } from "./format-label-studio";
import { serializeExport } from "./serialize-export";
import { ExportOptions } from "./export-options";
import type { ExportDocument, ExportSpan } from "./native-record";

const TEXT = "Crème brûlée 😀 and e\u0301 in 𠀀 Baghdad.\nSergey V. Lavrov met 👩‍👩‍👧 John Kerry.";
const cpSlice = (t: string, s: number, e: number) => Array.from(t).slice(s, e).join("");

function spanOf(needle: string, label: string, layer: "gold" | "annotator" = "gold", annotator: { id: string; name: string } | null = null): ExportSpan {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(needle))).length;
  return {
    id: `a-${needle}`,
    start,
    end: start + Array.from(needle).length,
    label,
    text: needle,
    layer,
    annotator,
    origin: null,
    entity_id: null,
    entity: null,
    review_state: "ACCEPTED",
  };
}

const ann = { id: "u1", name: "Ann" };
const DOC: ExportDocument = {
  id: "d1",
  title: "Brief",
  text: TEXT,
  meta: { outlet: null, byline: null, published_at: null, source: null, project: "p" },
  spans: [spanOf("👩‍👩‍👧 John Kerry", "PERSON"), spanOf("Baghdad", "GPE"), spanOf("Sergey V. Lavrov", "PERSON", "annotator", ann)],
  grades: [
    {
      id: "g1",
      layer: "gold",
      annotator: null,
      target: { annotation_id: "a-Baghdad", start: spanOf("Baghdad", "GPE").start, end: spanOf("Baghdad", "GPE").end, text: "Baghdad" },
      reliability: "B",
      credibility: 2,
      rationale: "",
      misp_tags: [],
    },
  ],
  stances: [],
  layers: [
    { layer: "gold", annotator: null, status: "APPROVED" },
    { layer: "annotator", annotator: ann, status: "SUBMITTED" },
  ],
  split: "dev",
};

describe("export formatters", () => {
  it("keep code point offsets by default: text == document[start:end] in Python terms", () => {
    for (const s of DOC.spans) expect(cpSlice(TEXT, s.start, s.end)).toBe(s.text);
    expect(inOffsetUnit(DOC, "codepoint")).toBe(DOC);
  });

  it("rewrite every offset as UTF-16 units with offsets=utf16, so the JavaScript slice matches", () => {
    const u = inOffsetUnit(DOC, "utf16");
    for (const s of u.spans) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
    const g = u.grades[0].target;
    expect(g !== "outlet" && TEXT.slice(g.start, g.end)).toBe("Baghdad");
    expect(u.spans[0].start).toBeGreaterThan(DOC.spans[0].start);
  });

  it("convert any code point span on astral text to the UTF-16 span of the same characters", () => {
    const alphabet = fc.constantFrom("a", "é", "e\u0301", "😀", "👩‍👩‍👧", "𠀀", "\n", " ", "中");
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (parts, x, y) => {
        const text = parts.join("");
        const n = Array.from(text).length;
        const [start, end] = [x % (n + 1), y % (n + 1)].sort((a, b) => a - b);
        const span: ExportSpan = { ...DOC.spans[0], start, end, text: cpSlice(text, start, end) };
        const u = inOffsetUnit({ ...DOC, text, spans: [span], grades: [] }, "utf16").spans[0];
        expect(text.slice(u.start, u.end)).toBe(span.text);
      }),
    );
  });

  it("keep only the chosen labels", () => {
    expect(withLabels(DOC, ["GPE"]).spans.map((s) => s.label)).toEqual(["GPE"]);
    expect(withLabels(DOC, undefined)).toBe(DOC);
  });

  it("write spaCy records, one per layer, with spans and meta", () => {
    const [gold, annotator] = spacyRecords(DOC);
    expect(gold.text).toBe(TEXT);
    expect(gold.spans).toEqual([
      { start: DOC.spans[0].start, end: DOC.spans[0].end, label: "PERSON" },
      { start: DOC.spans[1].start, end: DOC.spans[1].end, label: "GPE" },
    ]);
    expect(gold.meta).toMatchObject({ document_id: "d1", layer: "gold", status: "APPROVED", split: "dev" });
    expect(annotator.meta).toMatchObject({ layer: "Ann", annotator_id: "u1" });
    expect(annotator.spans.map((s) => cpSlice(TEXT, s.start, s.end))).toEqual(["Sergey V. Lavrov"]);
  });

  it("write doccano records with [start, end, label] triples", () => {
    const [gold] = doccanoRecords(DOC);
    expect(gold.label).toEqual([
      [DOC.spans[0].start, DOC.spans[0].end, "PERSON"],
      [DOC.spans[1].start, DOC.spans[1].end, "GPE"],
    ]);
    expect(gold).toMatchObject({ text: TEXT, document_id: "d1", split: "dev" });
  });

  it("write a Label Studio task with one annotation per layer", () => {
    const task = labelStudioTask(DOC);
    expect(task.data).toMatchObject({ text: TEXT, document_id: "d1", split: "dev" });
    expect(task.annotations).toHaveLength(2);
    expect(task.annotations[0].ground_truth).toBe(true);
    expect(task.annotations[0].result[1]).toEqual({
      id: "a-Baghdad",
      from_name: "label",
      to_name: "text",
      type: "labels",
      value: { start: DOC.spans[1].start, end: DOC.spans[1].end, text: "Baghdad", labels: ["GPE"] },
    });
  });

  it("stream Label Studio as one JSON array, and JSONL with the manifest first", async () => {
    async function* docs(n: number) {
      for (let i = 0; i < n; i++) yield { ...DOC, id: `d${i}` };
    }
    const collect = async (it: AsyncIterable<string>) => {
      let s = "";
      for await (const c of it) s += c;
      return s;
    };
    expect(JSON.parse(await collect(serializeExport("label-studio", docs(0))))).toEqual([]);
    const three = JSON.parse(await collect(serializeExport("label-studio", docs(3)))) as { data: { document_id: string } }[];
    expect(three.map((t) => t.data.document_id)).toEqual(["d0", "d1", "d2"]);
    const native = (await collect(serializeExport("native", docs(2), { manifest: { type: "manifest" } })))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(native[0]).toEqual({ manifest: { type: "manifest" } });
    expect(native.slice(1).map((d) => d.id)).toEqual(["d0", "d1"]);
    const spacy = (await collect(serializeExport("spacy", docs(2)))).trim().split("\n");
    expect(spacy).toHaveLength(4);
  });
});

describe("export options", () => {
  it("take the defaults and parse lists, splits and annotator layers", () => {
    expect(ExportOptions.parse({})).toMatchObject({ format: "native", layer: "gold", status: "approved", offsets: "codepoint", manifest: "first", seed: "0" });
    expect(ExportOptions.parse({ format: "spacy" }).manifest).toBe("none");
    const o = ExportOptions.parse({ labels: "PERSON, ORG,PERSON", split: "80/10/10", seed: "7", layer: "annotator:a@b.c" });
    expect(o).toMatchObject({ labels: ["PERSON", "ORG"], split: [80, 10, 10], seed: "7", layer: "annotator:a@b.c" });
  });

  it("refuse bad ones", () => {
    for (const bad of [
      { layer: "everyone" },
      { format: "conll" },
      { split: "80/20/0" },
      { split: "abc" },
      { offsets: "bytes" },
      { format: "spacy", manifest: "first" },
      { labels: " , " },
      { unknown: "x" },
    ]) {
      expect(ExportOptions.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
