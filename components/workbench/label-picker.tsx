"use client";
import type { LabelView } from "@/lib/projects/list-labels";

/** Appears under a fresh selection; a click or the label's hotkey applies it. */
export function LabelPicker(props: { labels: LabelView[]; x: number; y: number; text: string; onPick: (name: string) => void; onCancel: () => void }) {
  const { labels, x, y, text, onPick, onCancel } = props;
  return (
    <div className="floating picker" style={{ left: Math.max(8, Math.min(x - 20, window.innerWidth - 260)), top: y + 6 }} role="dialog" aria-label="Choose a label" data-testid="label-picker">
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
