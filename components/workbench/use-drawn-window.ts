"use client";
/**
 * The code point range drawn with annotations: the lines within a screen
 * above and two below the viewport, measured after each scroll and resize
 * (once per frame at most).
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { Editor } from "@tiptap/react";
import type { TextIndex } from "@/lib/text/offsets";
import { INITIAL_WINDOW_CP, lineRange, linesMeeting } from "./viewport";
import type { Span } from "./types";

export function useDrawnWindow(editor: Editor | null, scroller: RefObject<HTMLElement | null>, index: TextIndex) {
  const [drawn, setDrawn] = useState<Span>({ start: 0, end: INITIAL_WINDOW_CP });
  const frame = useRef<number | null>(null);
  const measure = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const pane = scroller.current;
      if (!editor || editor.isDestroyed || !pane) return;
      const lines = editor.view.dom.children;
      const top = pane.getBoundingClientRect().top;
      const box = (i: number) => {
        const r = lines[i].getBoundingClientRect();
        return { top: r.top - top, bottom: r.bottom - top };
      };
      const found = linesMeeting(lines.length, box, -pane.clientHeight, 2 * pane.clientHeight);
      if (!found) return;
      const next = lineRange(index, found[0], found[1]);
      setDrawn((prev) => (prev.start === next.start && prev.end === next.end ? prev : next));
    });
  }, [editor, scroller, index]);

  useEffect(() => {
    measure();
    window.addEventListener("resize", measure);
    return () => {
      window.removeEventListener("resize", measure);
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    };
  }, [measure]);

  return { drawn, measure };
}
