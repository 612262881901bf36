"use client";
/**
 * The keyboard cursor: a word of the text, moved by the arrow keys (by word;
 * by visual line and by page where the page can tell, see visual-moves.ts;
 * to either end), with Shift extending a selection from where it started.
 * Words come from a WordIndex, so a move costs the lines it touches.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { WordIndex } from "@/lib/text/word-index";
import type { Range } from "@/lib/text/words";

const MOVES: Record<string, (words: WordIndex, from: Range | null) => Range | null> = {
  ArrowRight: (w, from) => (from ? w.next(from) : w.first()),
  ArrowLeft: (w, from) => (from ? w.prev(from) : w.first()),
  ArrowDown: (w, from) => (from ? w.nextLine(from) : w.first()),
  ArrowUp: (w, from) => (from ? w.prevLine(from) : w.first()),
  Home: (w) => w.first(),
  End: (w) => w.last(),
};

/** A move read from the page's layout; undefined when the layout cannot tell (not drawn yet). */
export type LayoutMove = (key: string, from: Range) => Range | null | undefined;

export function useKeyboardCursor(words: WordIndex, surface: RefObject<HTMLElement | null>, layoutMove?: LayoutMove) {
  const [cursor, setCursor] = useState<Range | null>(null);
  const [selection, setSelection] = useState<Range | null>(null);
  /** where a Shift-extended selection started */
  const anchor = useRef<Range | null>(null);

  const current = useRef<Range | null>(null);
  const put = useCallback((to: Range | null) => {
    current.current = to;
    setCursor(to);
  }, []);

  /** Handles a movement key; false when `key` is not one. */
  const move = useCallback(
    (key: string, extend: boolean): boolean => {
      const step = MOVES[key];
      const fromLayout = current.current && layoutMove ? layoutMove(key, current.current) : undefined;
      if (!step && fromLayout === undefined) return false;
      const from = current.current;
      const to = (fromLayout !== undefined ? fromLayout : step(words, from)) ?? from;
      if (!to) return true;
      if (extend) {
        const start = (anchor.current ??= from ?? to);
        setSelection({ start: Math.min(start.start, to.start), end: Math.max(start.end, to.end) });
      } else {
        anchor.current = null;
        setSelection(null);
      }
      put(to);
      return true;
    },
    [words, put, layoutMove],
  );

  /** Puts the cursor on the word at `cp` (after a click or a jump from the side pane). */
  const placeAt = useCallback(
    (cp: number) => {
      anchor.current = null;
      put(words.wordAt(cp));
    },
    [words, put],
  );

  const select = useCallback((range: Range | null) => {
    anchor.current = null;
    setSelection(range);
  }, []);

  // Keep the cursor in view; the document view draws it in its effect, which runs before this one.
  useEffect(() => {
    if (cursor) surface.current?.querySelector(".kbd-cursor")?.scrollIntoView({ block: "nearest" });
  }, [cursor, surface]);

  return { cursor, selection, move, placeAt, select };
}
