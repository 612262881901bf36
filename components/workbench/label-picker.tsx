"use client";
import type { LabelView } from "@/lib/projects/list-labels";
import { PointPopover, type Point } from "@/components/ui/point-popover";

/** Appears under a fresh selection (above it when there is no room below); a click or the label's hotkey applies it. */
export function LabelPicker(props: { labels: LabelView[]; at: Point; text: string; onPick: (name: string) => void; onCancel: () => void }) {
  const { labels, at, text, onPick, onCancel } = props;
  return (
    <PointPopover at={at} label="Choose a label" onDismiss={onCancel} className="floating picker" testId="label-picker">
      <div className="picker-text" title={text}>
        “{text.length > 60 ? text.slice(0, 57) + "…" : text}”
      </div>
      <ul>
        {labels.map((l) => (
          <li key={l.id}>
            <button
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(l.name)}
              aria-keyshortcuts={l.hotkey ?? undefined}
              aria-describedby={l.description.trim() ? `picker-desc-${l.id}` : undefined}
            >
              <kbd>{l.hotkey ?? " "}</kbd>
              <span className="swatch" style={{ background: l.color }} aria-hidden />
              {l.name}
            </button>
            {/* the label's description from the guidelines, beside the choice (its full text on hover) */}
            {l.description.trim() && (
              <span id={`picker-desc-${l.id}`} className="picker-desc" title={l.description}>
                {l.description}
              </span>
            )}
          </li>
        ))}
      </ul>
      <button className="link" onClick={onCancel}>
        Cancel <kbd>Esc</kbd>
      </button>
    </PointPopover>
  );
}
