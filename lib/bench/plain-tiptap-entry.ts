/**
 * Runs in the browser (bundled by lib/bench/plain-page.ts): the baseline,
 * a plain read-only TipTap editor (document, paragraph and text, nothing
 * else) showing the text embedded in the page, one paragraph per line as the
 * workbench does, in the same CSS and column as the workbench.
 */
import { Editor } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";

const text = JSON.parse(document.getElementById("bench-text")!.textContent!) as string;
const editor = new Editor({
  element: document.getElementById("editor")!,
  extensions: [Document, Paragraph, Text],
  content: {
    type: "doc",
    content: text.split("\n").map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })),
  },
  editable: false,
  injectCSS: false,
  editorProps: { attributes: { class: "doc-text", "aria-readonly": "true" } },
});
(window as unknown as { plainEditor: Editor }).plainEditor = editor;

// The measurement floor for interactions: a keypress whose whole effect is one class toggled on the surface,
// timed like the workbench's edits (so the figure is frame alignment and painting, nothing else).
document.addEventListener("keydown", (e) => {
  if (e.key === "ArrowRight") document.querySelector("[data-testid=plain-surface]")?.classList.toggle("bench-tick");
});
