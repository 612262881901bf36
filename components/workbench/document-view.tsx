"use client";
/** The document text in a read-only TipTap editor, one paragraph per line, with the annotation layer on top. */
import { useEffect, useMemo } from "react";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { AnnotationLayer, annotationLayerKey, type DecorationSpec } from "./annotation-plugin";

/** The editor document for a text: must agree with TextIndex.cpToPm (one paragraph per "\n"-separated line). */
export function textToDoc(text: string) {
  return {
    type: "doc",
    content: text.split("\n").map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })),
  };
}

export function DocumentView(props: { text: string; decorations: DecorationSpec[]; onReady: (editor: Editor) => void }) {
  const { text, decorations, onReady } = props;
  const content = useMemo(() => textToDoc(text), [text]);
  const editor = useEditor({
    extensions: [Document, Paragraph, Text, AnnotationLayer],
    content,
    editable: false,
    immediatelyRender: false,
    injectCSS: false,
    editorProps: { attributes: { class: "doc-text", "aria-readonly": "true" } },
  });

  useEffect(() => {
    if (editor) onReady(editor);
  }, [editor, onReady]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(annotationLayerKey, decorations));
  }, [editor, decorations]);

  return <EditorContent editor={editor} />;
}
