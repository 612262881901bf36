import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseJsonStream, parseTextFile } from "./parse-stream";
import { mapSpans } from "./map-offsets";
import { readJsonArray } from "./json-array";
import type { ParseResult } from "./types";

async function* chunked(s: string, size = 7) {
  for (let i = 0; i < s.length; i += size) yield s.slice(i, i + size);
}
async function collect(
  content: string,
  format: Parameters<typeof parseJsonStream>[1]["format"] = "auto",
  extra: { offsets?: "codepoint" | "utf16"; filename?: string } = {},
) {
  const parsed = await parseJsonStream(chunked(content), { format, ...extra });
  const out: ParseResult[] = [];
  for await (const r of parsed.results) out.push(r);
  return { ...parsed, out };
}

const ASTRAL = "Hi 😀 Lavrov met 𝔘𝔫𝔦 in Baghdad.";

describe("import parsers", () => {
  it("converts UTF-16 offsets to code points on astral text", () => {
    const u = ASTRAL.indexOf("Lavrov");
    const { spans } = mapSpans(ASTRAL, [{ start: u, end: u + 6, label: "PERSON", text: "Lavrov" }], "utf16");
    expect(spans[0]).toEqual({ start: u - 1, end: u + 5, label: "PERSON", text: "Lavrov" });
    const f = ASTRAL.indexOf("𝔘𝔫𝔦");
    const { spans: s2 } = mapSpans(ASTRAL, [{ start: f, end: f + 6, label: "ORG" }], "utf16");
    expect(s2[0].text).toBe("𝔘𝔫𝔦");
    expect(s2[0].end - s2[0].start).toBe(3);
  });

  it("refuses a UTF-16 offset inside a surrogate pair and a text that does not match the slice", () => {
    expect(() => mapSpans(ASTRAL, [{ start: 4, end: 6, label: "X" }], "utf16")).toThrow(/surrogate pair/);
    expect(() => mapSpans(ASTRAL, [{ start: 5, end: 11, label: "PERSON", text: "Lavrov" }], "codepoint")).not.toThrow();
    expect(() => mapSpans(ASTRAL, [{ start: 6, end: 12, label: "PERSON", text: "Lavrov" }], "codepoint")).toThrow(
      /says its text is "Lavrov" but the text at those offsets is "avrov "/,
    );
    expect(() => mapSpans("abc", [{ start: 2, end: 9, label: "X" }], "codepoint")).toThrow(/0 ≤ start < end ≤ 3/);
  });

  it("maps offsets through NFC and \\r\\n, and rejects boundaries inside a joined sequence", () => {
    const raw = "Cafe\u0301 du\r\nMonde";
    const { text, spans } = mapSpans(
      raw,
      [
        { start: 0, end: 5, label: "ORG", text: "Cafe\u0301" },
        { start: 10, end: 15, label: "LOC" },
      ],
      "codepoint",
    );
    expect(text).toBe("Café du\nMonde");
    expect(spans.map((s) => s.text)).toEqual(["Café", "Monde"]);
    expect(() => mapSpans(raw, [{ start: 0, end: 4, label: "ORG" }], "codepoint")).toThrow(/normalisation/);
    expect(() => mapSpans(raw, [{ start: 9, end: 11, label: "ORG" }], "codepoint")).toThrow(/normalisation/);
  });

  it("property: code point and UTF-16 spans of random text land on the same canonical slice", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", " ", "😀", "é", "\n", "中", "𝔘"), { minLength: 2, maxLength: 30 }), fc.nat(), fc.nat(), (chars, x, y) => {
        const text = chars.join("");
        const a = x % chars.length;
        const b = a + 1 + (y % (chars.length - a));
        const cp = mapSpans(text, [{ start: a, end: b, label: "L" }], "codepoint").spans[0];
        const u16s = chars.slice(0, a).join("").length;
        const u16e = chars.slice(0, b).join("").length;
        const u = mapSpans(text, [{ start: u16s, end: u16e, label: "L", text: chars.slice(a, b).join("") }], "utf16").spans[0];
        expect(u).toEqual(cp);
        expect(cp.text).toBe(chars.slice(a, b).join(""));
      }),
      { numRuns: 100 },
    );
  });

  it("reads native JSONL with a manifest first line and reports bad lines by number", async () => {
    const lines = [
      JSON.stringify({ type: "manifest", schema: "marginalia.native/1" }),
      JSON.stringify({ id: "x", title: "One", text: ASTRAL, meta: { outlet: "AP" }, spans: [{ start: 5, end: 11, label: "PERSON", text: "Lavrov" }] }),
      "{not json",
      JSON.stringify({ title: "Three", text: "abc", meta: {}, spans: [{ start: 0, end: 2, label: "X", text: "zz" }] }),
      "",
      JSON.stringify({ title: "Five", text: "", meta: {}, spans: [] }),
    ].join("\n");
    const { format, out } = await collect(lines);
    expect(format).toBe("native");
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({
      ok: true,
      doc: { line: 2, title: "One", meta: { outlet: "AP" }, spans: [{ start: 5, end: 11, label: "PERSON", text: "Lavrov" }] },
    });
    expect(out[1]).toMatchObject({ ok: false, error: { line: 3, message: expect.stringMatching(/not valid JSON/) } });
    expect(out[2]).toMatchObject({ ok: false, error: { line: 4, message: expect.stringMatching(/"zz" but the text at those offsets is "ab"/) } });
    expect(out[3]).toMatchObject({ ok: false, error: { line: 6, message: "the text is empty" } });
  });

  it("detects spaCy and doccano shapes", async () => {
    const spacy = await collect(
      JSON.stringify({ text: "Lavrov spoke", spans: [{ start: 0, end: 6, label: "PERSON", token_start: 0, token_end: 0 }], meta: { title: "S" } }),
    );
    expect(spacy.format).toBe("spacy");
    expect(spacy.out[0]).toMatchObject({ ok: true, doc: { title: "S", spans: [{ start: 0, end: 6, label: "PERSON", text: "Lavrov" }] } });
    const doccano = await collect(
      JSON.stringify({ text: "😀 Lavrov spoke", label: [[2, 8, "PERSON"]] }) +
        "\n" +
        JSON.stringify({ text: "Kerry", entities: [{ start_offset: 0, end_offset: 5, label: "PERSON" }] }),
    );
    expect(doccano.format).toBe("doccano");
    expect(doccano.out.map((r) => r.ok && r.doc.spans[0].text)).toEqual(["Lavrov", "Kerry"]);
    const bad = await collect(JSON.stringify({ text: "Kerry", label: [[0, 5]] }), "doccano");
    expect(bad.out[0]).toMatchObject({ ok: false, error: { line: 1, message: 'label 1 must be [start, end, "LABEL"]' } });
  });

  it("reads a Label Studio array task by task with UTF-16 offsets by default", async () => {
    const tasks = [
      {
        id: 1,
        data: { text: ASTRAL, title: "LS" },
        annotations: [{ result: [{ type: "labels", value: { start: 6, end: 12, text: "Lavrov", labels: ["PERSON"] } }] }],
      },
      { id: 2, data: {} },
    ];
    const { format, offsets, out } = await collect(JSON.stringify(tasks, null, 2), "auto", { filename: "export.json" });
    expect([format, offsets]).toEqual(["label-studio", "utf16"]);
    expect(out[0]).toMatchObject({ ok: true, doc: { title: "LS", spans: [{ start: 5, end: 11, text: "Lavrov" }] } });
    expect(out[1]).toMatchObject({ ok: false, error: { message: 'task 2: the record has no "text" string' } });
    expect((out[1] as { error: { line: number } }).error.line).toBeGreaterThan(2);
    const broken = await collect('[{"data":{"text":"a"}}', "label-studio");
    expect(broken.out.at(-1)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not closed/) } });
  });

  it("splits a JSON array with brackets and commas inside strings", async () => {
    const src = '[ {"a":"x],{y"}, [1,2], "s\\"]", 3 ]';
    const items = [];
    for await (const e of readJsonArray(chunked(src, 3))) items.push(JSON.parse(e.source));
    expect(items).toEqual([{ a: "x],{y" }, [1, 2], 's"]', 3]);
  });

  it("reads a .txt file as one document titled by its name", async () => {
    const r = await parseTextFile(chunked("\ufeffLine one\r\nLine two"), "brief.txt");
    expect(r).toMatchObject({ ok: true, doc: { title: "brief", text: "Line one\nLine two", meta: { source: "brief.txt" }, spans: [] } });
    expect(await parseTextFile(chunked("  "), "empty.txt")).toMatchObject({ ok: false });
  });
});
