"use client";
import { useLayoutEffect, useRef, useState } from "react";
import type { LabelView } from "@/lib/projects/list-labels";

const GAP = 6;
const MARGIN = 8;

/**
 * Appears under a fresh selection (above it when there is no room below,
 * always inside the window); a click or the label's hotkey applies it.
 */
export function LabelPicker(props: {
  labels: LabelView[];
  x: number;
  y: number;
  yTop: number;
  text: string;
  onPick: (name: string) => void;
  onCancel: () => void;
}) {
  const { labels, x, y, yTop, text, onPick, onCancel } = props;
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(y + GAP);
  useLayoutEffect(() => {
    const h = box.current?.offsetHeight ?? 0;
    const room = window.innerHeight - MARGIN;
    if (y + GAP + h <= room) setTop(y + GAP);
    else if (yTop - GAP - h >= MARGIN) setTop(yTop - GAP - h);
    else setTop(Math.max(MARGIN, room - h));
  }, [y, yTop, labels.length]);
  return (
    <div
      ref={box}
      className="floating picker"
      style={{ left: Math.max(MARGIN, Math.min(x - 20, window.innerWidth - 260)), top }}
      role="dialog"
      aria-label="Choose a label"
      data-testid="label-picker"
    >
      <div className="picker-text" title={text}>
        “{text.length > 60 ? text.slice(0, 57) + "…" : text}”
      </div>
      <ul>
        {labels.map((l) => (
          <li key={l.id}>
            <button onMouseDown={(e) => e.preventDefault()} onClick={() => onPick(l.name)} title={l.description}>
              <kbd>{l.hotkey ?? " "}</kbd>
              <span className="swatch" style={{ background: l.color }} aria-hidden />
              {l.name}
            </button>
          </li>
        ))}
      </ul>
      <button className="link" onClick={onCancel}>
        Cancel <kbd>Esc</kbd>
      </button>
    </div>
  );
}
