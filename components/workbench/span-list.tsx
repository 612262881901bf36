"use client";
/** The edited layer as a list in text order, virtualized: a click puts the keyboard cursor on the span. */
import { memo } from "react";
import { VirtualList } from "@/components/ui/virtual-list";
import type { LocalAnnotation } from "./types";
import { ThreadBadge } from "@/components/threads/thread-badge";

/** One line of .ann-item: 14px/1.45 text, 4px padding above and below, a 1px rule (it fills the row, see globals.css). */
const ROW_HEIGHT = 30;

export const SpanList = memo(function SpanList(props: {
  spans: readonly LocalAnnotation[];
  colors: ReadonlyMap<string, string>;
  onJump: (a: LocalAnnotation) => void;
}) {
  const { spans, colors, onJump } = props;
  return (
    <VirtualList
      items={spans}
      itemKey={(a) => a.id}
      className="ann-list"
      rowHeight={ROW_HEIGHT}
      data-testid="annotation-list"
      aria-label="Spans of this layer"
      renderItem={(a) => (
        <button className="ann-item" onClick={() => onJump(a)}>
          <span className="chip" style={{ borderColor: colors.get(a.label) }}>
            {a.label}
          </span>
          <span className="ann-text">{a.text}</span>
          <ThreadBadge spanId={a.id} />
          {a.version === 0 && <span className="muted"> · unsaved</span>}
        </button>
      )}
    />
  );
});
