"use client";
import type { LabelView } from "@/lib/projects/list-labels";
import { PointPopover } from "@/components/ui/point-popover";
import type { LocalAnnotation } from "./types";

/** The spans under a click, innermost first: change the label or delete. */
export function AnnotationPopover(props: {
  annotations: LocalAnnotation[];
  labels: LabelView[];
  x: number;
  y: number;
  readOnly: boolean;
  onRelabel: (id: string, label: string) => void;
  onDelete: (id: string) => void;
  onClose: () => void;
}) {
  const { annotations, labels, x, y, readOnly, onRelabel, onDelete, onClose } = props;
  return (
    <PointPopover at={{ x, top: y, bottom: y + 6 }} label="Edit span" onDismiss={onClose} className="floating popover" testId="annotation-popover">
      {annotations.map((a) => (
        <div key={a.id} className="popover-row">
          <div className="picker-text">“{a.text}”</div>
          <label className="inline">
            <span className="sr-only">Label of “{a.text}”</span>
            <select value={a.label} disabled={readOnly} onChange={(e) => onRelabel(a.id, e.target.value)} aria-label={`Label of ${a.text}`}>
              {labels.map((l) => (
                <option key={l.id} value={l.name}>
                  {l.hotkey ? `${l.hotkey} · ` : ""}
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <button className="danger" disabled={readOnly} onClick={() => onDelete(a.id)}>
            Delete
          </button>
        </div>
      ))}
      <button className="link" onClick={onClose}>
        Close <kbd>Esc</kbd>
      </button>
    </PointPopover>
  );
}
