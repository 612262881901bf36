/**
 * The annotation layer: ProseMirror decorations kept in plugin state, in named
 * sources (the edited layer, other layers, each panel's marks, the keyboard
 * cursor…). A transaction with `tr.setMeta(annotationLayerKey, { source:
 * specs })` replaces those sources; only decorations that changed are removed
 * from and added to the set (`DecorationSet.remove/add`), so an edit costs
 * what it changes, not the whole layer. The text itself is never edited.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/**
 * One inline decoration; `key` names what it draws (an annotation id, a mark id…) within its source.
 * With `widget`, an empty element with `attrs` at `to` instead (what it shows comes from CSS, so it adds no text).
 */
export type DecorationSpec = { key: string; from: number; to: number; attrs: Record<string, string>; widget?: boolean };
/** New contents of some sources, by source name. */
export type DecorationChanges = Record<string, readonly DecorationSpec[]>;

export type LayerState = { set: DecorationSet; sources: ReadonlyMap<string, ReadonlyMap<string, Decoration>> };

export const annotationLayerKey = new PluginKey<LayerState>("annotationLayer");

const identity = (s: DecorationSpec) => `${s.key}\u0000${s.from}\u0000${s.to}\u0000${Object.entries(s.attrs).join("\u0000")}`;

// nodeName makes each decoration its own element, so nested and overlapping spans keep their own colour and id.
// The source goes into the decoration's spec: `remove` matches by equality, and equal ranges of two sources must stay apart.
const toDecoration = (source: string, s: DecorationSpec) =>
  s.widget
    ? Decoration.widget(s.to, () => widgetElement(s.attrs), { side: -1, source, key: `${source}:${identity(s)}` })
    : Decoration.inline(s.from, s.to, { nodeName: "span", ...s.attrs }, { source });

function widgetElement(attrs: Record<string, string>): HTMLElement {
  const el = document.createElement("span");
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.setAttribute("aria-hidden", "true");
  el.contentEditable = "false";
  return el;
}

/** The plugin state after `changes`: each named source diffed against what it drew before. */
export function applyChanges(state: LayerState, tr: Transaction, changes: DecorationChanges): LayerState {
  let set = state.set;
  const sources = new Map(state.sources);
  for (const [name, specs] of Object.entries(changes)) {
    const before = sources.get(name) ?? new Map<string, Decoration>();
    const after = new Map<string, Decoration>();
    const added: Decoration[] = [];
    for (const spec of specs) {
      const id = identity(spec);
      if (after.has(id)) continue;
      const kept = before.get(id);
      const decoration = kept ?? toDecoration(name, spec);
      if (!kept) added.push(decoration);
      after.set(id, decoration);
    }
    const removed = [...before].filter(([id]) => !after.has(id)).map(([, d]) => d);
    if (removed.length) set = set.remove(removed);
    if (added.length) set = set.add(tr.doc, added);
    sources.set(name, after);
  }
  return { set, sources };
}

export const AnnotationLayer = Extension.create({
  name: "annotationLayer",
  addProseMirrorPlugins() {
    return [
      new Plugin<LayerState>({
        key: annotationLayerKey,
        state: {
          init: () => ({ set: DecorationSet.empty, sources: new Map() }),
          apply(tr, state) {
            const changes = tr.getMeta(annotationLayerKey) as DecorationChanges | undefined;
            if (changes) return applyChanges(state, tr, changes);
            // The text is read-only; were it replaced, nothing drawn on the old one would still apply.
            return tr.docChanged ? { set: DecorationSet.empty, sources: new Map() } : state;
          },
        },
        props: {
          decorations: (state) => annotationLayerKey.getState(state)?.set,
        },
      }),
    ];
  },
});
