"use client";
/**
 * The code point range drawn with annotations: the lines within a screen
 * above and two below the viewport. A scroll measures at once and renders
 * synchronously (the browser sends scroll events once per frame, before
 * painting it), so the spans scrolled into view are drawn in that same
 * frame; a resize measures on the next frame.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { flushSync } from "react-dom";
import type { Editor } from "@tiptap/react";
import type { TextIndex } from "@/lib/text/offsets";
import { INITIAL_WINDOW_CP, lineRange, linesMeeting } from "./viewport";
import type { Span } from "./types";

export function useDrawnWindow(editor: Editor | null, scroller: RefObject<HTMLElement | null>, index: TextIndex) {
  const [drawn, setDrawn] = useState<Span>({ start: 0, end: INITIAL_WINDOW_CP });
  const frame = useRef<number | null>(null);
  const current = useRef(drawn);
  useLayoutEffect(() => {
    current.current = drawn; // for the scroll handler, which runs after the commit
  });

  /** The lines meeting [from, to] × the pane's height around the viewport, as a code point range. */
  const rangeAround = useCallback(
    (from: number, to: number): Span | null => {
      const pane = scroller.current;
      if (!editor || editor.isDestroyed || !pane) return null;
      const lines = editor.view.dom.children;
      const top = pane.getBoundingClientRect().top;
      const box = (i: number) => {
        const r = lines[i].getBoundingClientRect();
        return { top: r.top - top, bottom: r.bottom - top };
      };
      const found = linesMeeting(lines.length, box, from * pane.clientHeight, to * pane.clientHeight);
      return found ? lineRange(index, found[0], found[1]) : null;
    },
    [editor, scroller, index],
  );
  const visibleRange = useCallback(() => rangeAround(-1, 2), [rangeAround]);

  const measure = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const next = visibleRange();
      if (next) setDrawn((prev) => (prev.start === next.start && prev.end === next.end ? prev : next));
    });
  }, [visibleRange]);

  /** For scroll events: measure and draw now, within the frame being prepared. */
  const measureNow = useCallback(() => {
    // While what is on screen stays inside the drawn range, nothing is redrawn: scrolling line by line costs no render.
    const onScreen = rangeAround(0, 1);
    const have = current.current;
    if (!onScreen || (onScreen.start >= have.start && onScreen.end <= have.end)) return;
    const next = visibleRange();
    if (next) flushSync(() => setDrawn(next));
  }, [rangeAround, visibleRange]);

  useEffect(() => {
    measure();
    window.addEventListener("resize", measure);
    return () => {
      window.removeEventListener("resize", measure);
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    };
  }, [measure]);

  return { drawn, measure, measureNow };
}
