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

export function runBench(input: { text: string; spans: Span[]; runs: number }) {
  const index = new TextIndex(input.text);
  const specs = specsFor(index, input.spans);
  const plain: number[] = [];
  const annotated: number[] = [];
  const addSpan: number[] = [];
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
    b.editor.destroy();
    b.host.remove();
  }
  return { plainMs: median(plain), annotatedMs: median(annotated), addSpanMs: median(addSpan), runs: input.runs };
}

(window as unknown as { runBench: typeof runBench }).runBench = runBench;
