"use client";
/**
 * The labels above the text: each with its hotkey, a click (or Enter when
 * focused) applies it to the selection or the word under the cursor. A
 * toolbar: one tab stop, ←/→ move between labels, so every label — hotkey or
 * not — is reachable from the keyboard (`l` in the text comes here).
 */
import { forwardRef, memo, useState, type KeyboardEvent } from "react";
import type { LabelView } from "@/lib/projects/list-labels";
import { Tip } from "@/components/ui/tip";

type Props = {
  labels: LabelView[];
  disabled: boolean;
  onApply(name: string): void;
  showTags: boolean;
  onShowTagsChange(show: boolean): void;
  onHelp(): void;
};

// memo: the workbench renders again on every key in the text; the bar only when its labels or state change
export const LabelBar = memo(
  forwardRef<HTMLDivElement, Props>(function LabelBar({ labels, disabled, onApply, showTags, onShowTagsChange, onHelp }, ref) {
    const [active, setActive] = useState(0);
    const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key !== "ArrowRight" && e.key !== "ArrowLeft" && e.key !== "Home" && e.key !== "End") return;
      e.preventDefault();
      const n = labels.length;
      const next = e.key === "Home" ? 0 : e.key === "End" ? n - 1 : (active + (e.key === "ArrowRight" ? 1 : -1) + n) % n;
      setActive(next);
      e.currentTarget.querySelectorAll<HTMLButtonElement>("button[data-label-button]")[next]?.focus();
    };
    return (
      <div className="label-bar" data-testid="label-bar">
        <div ref={ref} role="toolbar" aria-label="Labels" className="label-bar-labels" onKeyDown={onKeyDown}>
          {labels.map((l, i) => (
            <Tip key={l.id} content={l.description} side="bottom">
              <button
                data-label-button
                tabIndex={i === active ? 0 : -1}
                disabled={disabled}
                aria-keyshortcuts={l.hotkey ?? undefined}
                onFocus={() => setActive(i)}
                onMouseDown={(e) => e.preventDefault()} // keep the selection and the focus in the text
                onClick={() => onApply(l.name)}
              >
                {l.hotkey && <kbd>{l.hotkey}</kbd>}
                <span className="swatch" style={{ background: l.color }} aria-hidden />
                {l.name}
              </button>
            </Tip>
          ))}
        </div>
        <label className="toggle small">
          <input type="checkbox" checked={showTags} onChange={(e) => onShowTagsChange(e.target.checked)} /> Names on spans <kbd>t</kbd>
        </label>
        <button className="link small" onClick={onHelp} aria-keyshortcuts="?">
          Keys <kbd>?</kbd>
        </button>
      </div>
    );
  }),
);
