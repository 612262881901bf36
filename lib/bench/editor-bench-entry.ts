/**
 * Runs in the browser (bundled by lib/ops/bench.ts): the document view's
 * editor with and without the annotation layer, timed to the first complete
 * layout, plus the time to draw one more span over thousands.
 */
import { Editor } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { AnnotationLayer, annotationLayerKey, type DecorationSpec } from "@/components/workbench/annotation-plugin";
import { textToDoc } from "@/components/workbench/document-view";
import { TextIndex } from "@/lib/text/offsets";
import { INITIAL_WINDOW_CP, inWindow } from "@/components/workbench/viewport";

type Span = { start: number; end: number; label: string };

function mount(text: string, specs: DecorationSpec[] | null) {
  const host = document.createElement("div");
  host.className = "doc-text";
  document.body.appendChild(host);
  const t0 = performance.now();
  const editor = new Editor({
    element: host,
    extensions: specs ? [Document, Paragraph, Text, AnnotationLayer] : [Document, Paragraph, Text],
    content: textToDoc(text),
    editable: false,
    injectCSS: false,
  });
  if (specs) editor.view.dispatch(editor.state.tr.setMeta(annotationLayerKey, specs));
  void document.body.offsetHeight; // force style and layout
  const ms = performance.now() - t0;
  return { editor, host, ms };
}

function specsFor(index: TextIndex, spans: Span[]): DecorationSpec[] {
  return spans.map((s, i) => ({
    from: index.cpToPm(s.start),
    to: index.cpToPm(s.end),
    attrs: { class: "ann", style: `--c:#2563eb;--d:${i % 3}`, "data-ann-id": `a${i}`, "data-label": s.label, title: s.label },
  }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * As the workbench does it: spans are drawn within a screen of the viewport,
 * so a freshly opened document draws those in its first INITIAL_WINDOW_CP
 * code points; scrolling redraws the spans of the new window.
 */
export function runBench(input: { text: string; spans: Span[]; runs: number }) {
  const index = new TextIndex(input.text);
  const first = { start: 0, end: INITIAL_WINDOW_CP };
  const specs = specsFor(index, input.spans.filter((s) => inWindow(s, first)));
  const middle = { start: Math.floor(index.length / 2), end: Math.floor(index.length / 2) + INITIAL_WINDOW_CP };
  const middleSpecs = specsFor(index, input.spans.filter((s) => inWindow(s, middle)));
  const allSpecs = specsFor(index, input.spans);
  const plain: number[] = [];
  const annotated: number[] = [];
  const addSpan: number[] = [];
  const scroll: number[] = [];
  const everything: number[] = [];
  for (let r = 0; r < input.runs; r++) {
    const a = mount(input.text, null);
    plain.push(a.ms);
    a.editor.destroy();
    a.host.remove();
    const b = mount(input.text, specs);
    annotated.push(b.ms);
    // One more span over the thousands already drawn, as a new annotation is.
    const extra = specsFor(index, [{ start: 10 + r, end: 20 + r, label: "PERSON" }])[0];
    const t0 = performance.now();
    b.editor.view.dispatch(b.editor.state.tr.setMeta(annotationLayerKey, [...specs, extra]));
    void document.body.offsetHeight;
    addSpan.push(performance.now() - t0);
    const t1 = performance.now();
    b.editor.view.dispatch(b.editor.state.tr.setMeta(annotationLayerKey, middleSpecs));
    void document.body.offsetHeight;
    scroll.push(performance.now() - t1);
    b.editor.destroy();
    b.host.remove();
    // For comparison: every span drawn at once (the design before viewport drawing).
    const c = mount(input.text, allSpecs);
    everything.push(c.ms);
    c.editor.destroy();
    c.host.remove();
  }
  return {
    plainMs: median(plain),
    annotatedMs: median(annotated),
    addSpanMs: median(addSpan),
    scrollMs: median(scroll),
    everythingMs: median(everything),
    drawnAtOpen: specs.length,
    runs: input.runs,
  };
}

(window as unknown as { runBench: typeof runBench }).runBench = runBench;
