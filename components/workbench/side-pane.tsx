"use client";
/**
 * The workbench's side pane: save state, submit, the page's own panels, the
 * label legend, the layer's spans and the keys. Memoized: a cursor move or a
 * scroll in the text does not render it again.
 */
import { memo, type ReactNode } from "react";
import type { LabelView } from "@/lib/projects/list-labels";
import type { LayerTarget } from "@/lib/layers/layer-for-write";
import type { SaveState } from "./save-queue";
import { SaveStatus } from "./save-status";
import { SubmitLayer } from "./submit-layer";
import { SpanList } from "./span-list";
import { useAfterFirstPaint } from "@/components/ui/use-after-first-paint";
import type { LocalAnnotation } from "./types";

type Props = {
  documentId: string;
  target: LayerTarget;
  layerStatus: string;
  saveState: SaveState;
  onRetry: () => void;
  onAcknowledge: () => void;
  spans: readonly LocalAnnotation[];
  labels: LabelView[];
  colors: ReadonlyMap<string, string>;
  snap: boolean;
  onSnapChange: (snap: boolean) => void;
  onUndo: () => void;
  onJump: (a: LocalAnnotation) => void;
  /** the page's panels (review, entities, grades…) */
  children?: ReactNode;
};

export const SidePane = memo(function SidePane(p: Props) {
  // The panels and the span list come a frame after the text: the first paint is the document.
  const painted = useAfterFirstPaint();
  return (
    <aside className="side-pane" aria-label="Annotation tools">
      <SaveStatus state={p.saveState} onRetry={p.onRetry} onAcknowledge={p.onAcknowledge} />
      {p.target === "own" && <SubmitLayer documentId={p.documentId} status={p.layerStatus} spans={p.spans.length} pending={p.saveState.phase !== "saved"} />}
      {painted && p.children}
      <div className="tools">
        <label className="toggle">
          <input type="checkbox" checked={p.snap} onChange={(e) => p.onSnapChange(e.target.checked)} /> Snap selections to words <kbd>w</kbd>
        </label>
        <button onClick={p.onUndo} title="Undo the last change (Ctrl+Z)">
          Undo <kbd>Ctrl+Z</kbd>
        </button>
      </div>
      <h2>
        {p.target === "gold" ? "Gold spans" : "My spans"} <span className="count">{p.spans.length}</span>
      </h2>
      {painted && <SpanList spans={p.spans} colors={p.colors} onJump={p.onJump} />}
      <p id="kbd-help" className="muted small">
        Select text with the mouse, or focus the text and use <kbd>←</kbd> <kbd>→</kbd> (word) <kbd>↑</kbd> <kbd>↓</kbd> (line) with <kbd>Shift</kbd> to extend.{" "}
        <kbd>1</kbd>–<kbd>9</kbd> apply a label, <kbd>l</kbd> goes to the label bar, <kbd>Del</kbd> removes the span under the cursor, <kbd>?</kbd> lists every
        key. Click a span to change or delete it.
      </p>
    </aside>
  );
});
