import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Schema } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { DecorationSet } from "@tiptap/pm/view";
import { applyChanges, type DecorationChanges, type DecorationSpec, type LayerState } from "./annotation-plugin";

const schema = new Schema({ nodes: { doc: { content: "paragraph+" }, paragraph: { content: "text*" }, text: {} } });
const doc = schema.node("doc", null, [schema.node("paragraph", null, [schema.text("x".repeat(60))])]);
const tr = () => EditorState.create({ doc }).tr;
const empty = (): LayerState => ({ set: DecorationSet.empty, sources: new Map() });

const spec = fc
  .record({
    key: fc.constantFrom("a", "b", "c", "d"),
    from: fc.integer({ min: 1, max: 30 }),
    len: fc.integer({ min: 1, max: 30 }),
    label: fc.constantFrom("PERSON", "ORG"),
  })
  .map(({ key, from, len, label }): DecorationSpec => ({ key, from, to: from + len, attrs: { class: "ann", "data-label": label } }));
const change = fc.dictionary(fc.constantFrom("own", "overlays", "cursor"), fc.array(spec, { maxLength: 6 }), { maxKeys: 2 });

const drawn = (set: DecorationSet) =>
  set
    .find()
    .map((d) => `${d.from}-${d.to}-${(d as unknown as { type: { attrs: Record<string, string> } }).type.attrs["data-label"]}`)
    .sort();
// Within a source a spec drawn twice is drawn once; two sources may draw the same range.
const expected = (latest: Map<string, readonly DecorationSpec[]>) =>
  [...latest.values()]
    .flatMap((specs) => [...new Set(specs.map((s) => `${s.key}|${s.from}-${s.to}-${s.attrs["data-label"]}`))])
    .map((k) => k.split("|")[1])
    .sort();

describe("applyChanges", () => {
  it("draws exactly the latest specs of every source, whatever the order of changes", () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 8 }), (changes: DecorationChanges[]) => {
        let state = empty();
        const latest = new Map<string, readonly DecorationSpec[]>();
        for (const c of changes) {
          state = applyChanges(state, tr(), c);
          for (const [name, specs] of Object.entries(c)) latest.set(name, specs);
        }
        expect(drawn(state.set)).toEqual(expected(latest));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the decorations that did not change and leaves other sources alone", () => {
    const a: DecorationSpec = { key: "a", from: 1, to: 5, attrs: { class: "ann" } };
    const b: DecorationSpec = { key: "b", from: 6, to: 9, attrs: { class: "ann" } };
    const cursor: DecorationSpec = { key: "kbd-cursor", from: 2, to: 3, attrs: { class: "kbd-cursor" } };
    const classes = (set: DecorationSet, from: number, to: number) =>
      set.find(from, to).map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs.class);
    const first = applyChanges(empty(), tr(), { own: [a], cursor: [cursor] });
    const kept = [...first.sources.get("own")!.values()][0];
    const second = applyChanges(first, tr(), { own: [a, b] });
    expect(second.set.find()).toHaveLength(3);
    expect([...second.sources.get("own")!.values()]).toContain(kept); // not made again
    expect(second.sources.get("cursor")).toBe(first.sources.get("cursor"));
    const relabeled = applyChanges(second, tr(), { own: [{ ...a, attrs: { class: "ann unsaved" } }, b] });
    expect(relabeled.set.find()).toHaveLength(3);
    expect(classes(relabeled.set, 1, 5).sort()).toEqual(["ann unsaved", "kbd-cursor"]);
    const cleared = applyChanges(relabeled, tr(), { own: [], cursor: [] });
    expect(cleared.set.find()).toHaveLength(0);
  });
});
