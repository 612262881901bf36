/**
 * Cursor moves by what the reader sees: ↑/↓ to the word above or below on
 * the screen (a wrapped paragraph has many visual lines), PageUp/PageDown a
 * screenful, both keeping the cursor's place across the line. Read from the
 * editor's layout (coordsAtPos / posAtCoords), so a move costs one lookup.
 */
import type { EditorView } from "@tiptap/pm/view";
import type { TextIndex } from "@/lib/text/offsets";
import type { WordIndex } from "@/lib/text/word-index";
import type { Range } from "@/lib/text/words";

export const VISUAL_KEYS = new Set(["ArrowUp", "ArrowDown", "PageUp", "PageDown"]);

/** How many steps of half a line a move looks on, to cross the gap between paragraphs. */
const MAX_PROBES = 8;

export function visualMove(view: EditorView, pane: HTMLElement, index: TextIndex, words: WordIndex, from: Range, key: string): Range | null {
  const at = view.coordsAtPos(index.cpToPm(from.start));
  const line = Math.max(8, at.bottom - at.top);
  const down = key === "ArrowDown" || key === "PageDown";
  let y = (at.top + at.bottom) / 2;
  if (key === "PageDown" || key === "PageUp") {
    const page = Math.max(line, pane.clientHeight - 3 * line) * (down ? 1 : -1);
    const before = pane.scrollTop;
    pane.scrollTop = before + page;
    const moved = pane.scrollTop - before;
    // the text that was a page away is now where the cursor was; at either end of the text, the rest of the way
    y = moved === page ? y : y + (page - moved);
    const hit = view.posAtCoords({ left: at.left + 1, top: y });
    const to = hit ? words.wordAt(index.pmToCp(hit.pos)) : null;
    return to ?? (down ? words.last() : words.first());
  }
  for (let probe = 1; probe <= MAX_PROBES; probe++) {
    const hit = view.posAtCoords({ left: at.left + 1, top: y + (down ? 1 : -1) * probe * line * 0.6 });
    if (!hit) continue;
    const to = words.wordAt(index.pmToCp(hit.pos));
    if (to && (down ? to.start > from.start : to.start < from.start)) {
      const toAt = view.coordsAtPos(index.cpToPm(to.start));
      if (Math.abs(toAt.top - at.top) >= line / 2) return to; // on another visual line, not further along this one
    }
  }
  return down ? words.nextLine(from) : words.prevLine(from);
}
