"use client";
/** The document text in a read-only TipTap editor, one paragraph per line, with the annotation layer on top. */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { AnnotationLayer, annotationLayerKey, type DecorationChanges } from "./annotation-plugin";

/** The editor document for a text: must agree with TextIndex.cpToPm (one paragraph per "\n"-separated line). */
export function textToDoc(text: string) {
  return {
    type: "doc",
    content: text.split("\n").map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })),
  };
}

/**
 * `layers` maps a source name (the edited layer, a panel's marks, the cursor…)
 * to what it draws; only sources whose array changed since the last render are
 * sent to the editor, and the plugin redraws only what changed within them.
 */
export function DocumentView(props: { text: string; layers: DecorationChanges; onReady: (editor: Editor) => void }) {
  const { text, layers, onReady } = props;
  // The editor is made in the browser only (immediatelyRender: false): the server render builds no document.
  const content = useMemo(() => (typeof window === "undefined" ? null : textToDoc(text)), [text]);
  const editor = useEditor({
    extensions: [Document, Paragraph, Text, AnnotationLayer],
    content,
    editable: false,
    immediatelyRender: false,
    injectCSS: false,
    editorProps: { attributes: { class: "doc-text", "aria-readonly": "true" } },
  });
  const sent = useRef<{ editor: Editor | null; layers: DecorationChanges }>({ editor: null, layers: {} });

  useEffect(() => {
    if (editor) onReady(editor);
  }, [editor, onReady]);

  // While a mouse button is down in the text (a selection being dragged), the text's DOM must not change under it:
  // redrawing decorations there (a panel's marks arriving, a live event) collapses the browser's selection. What
  // changes meanwhile is sent once the button is up and the selection has been read.
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const down = () => setDragging(true);
    const up = () => {
      // After the page has read a mouse selection (its handlers run before this one, on the window), drop what is
      // left of it, the caret a click leaves above all: the text is read-only and the keyboard cursor is drawn, but
      // while a DOM selection sits in the text ProseMirror writes it back after every change of decorations, a forced
      // layout on every key press.
      const sel = document.getSelection();
      if (sel?.anchorNode && dom.contains(sel.anchorNode)) sel.removeAllRanges();
      setTimeout(() => setDragging(false));
    };
    dom.addEventListener("mousedown", down);
    window.addEventListener("mouseup", up);
    return () => {
      dom.removeEventListener("mousedown", down);
      window.removeEventListener("mouseup", up);
    };
  }, [editor]);

  // Before the browser paints, whatever caused the render (a key, a scroll, a live event): never a frame late.
  useLayoutEffect(() => {
    if (!editor || editor.isDestroyed || dragging) return;
    const before = sent.current.editor === editor ? sent.current.layers : {};
    const changes: DecorationChanges = {};
    for (const name of new Set([...Object.keys(before), ...Object.keys(layers)])) {
      if (before[name] !== layers[name]) changes[name] = layers[name] ?? [];
    }
    sent.current = { editor, layers };
    if (Object.keys(changes).length) editor.view.dispatch(editor.state.tr.setMeta(annotationLayerKey, changes));
  }, [editor, layers, dragging]);

  return <EditorContent editor={editor} />;
}
