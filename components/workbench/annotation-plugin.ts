/**
 * The annotation layer: ProseMirror decorations kept in plugin state and
 * replaced through `tr.setMeta(annotationLayerKey, …)`. The text itself is
 * never edited.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export type DecorationSpec = { from: number; to: number; attrs: Record<string, string> };

export const annotationLayerKey = new PluginKey<DecorationSet>("annotationLayer");

export const AnnotationLayer = Extension.create({
  name: "annotationLayer",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: annotationLayerKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const specs = tr.getMeta(annotationLayerKey) as DecorationSpec[] | undefined;
            if (specs) {
              // nodeName makes each decoration its own element, so nested and
              // overlapping spans keep their own colour and id.
              return DecorationSet.create(
                tr.doc,
                specs.map((s) => Decoration.inline(s.from, s.to, { nodeName: "span", ...s.attrs })),
              );
            }
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => annotationLayerKey.getState(state),
        },
      }),
    ];
  },
});
