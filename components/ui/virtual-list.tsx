"use client";
/**
 * A long list in a scroll box of its own that renders only the rows in view
 * (TanStack Virtual), so thousands of items cost a screenful of DOM. Rows are
 * of one estimated height and measured once drawn. Nothing is drawn before the
 * box is measured in the browser, so the server render never lists items.
 */
import { useEffect, useRef, type ReactNode } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";

type Props<T> = {
  items: readonly T[];
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** pixels; rows are measured once drawn */
  estimateHeight?: number;
  /** every row is this many pixels high: nothing is measured (no forced layout, no resize observer per row) */
  rowHeight?: number;
  /** the box's largest height, CSS */
  maxHeight?: string;
  className?: string;
  "aria-label"?: string;
  "data-testid"?: string;
  /** an item to keep in view (the keyboard's current one) */
  activeIndex?: number;
};

export function VirtualList<T>({ items, itemKey, renderItem, estimateHeight = 28, rowHeight, maxHeight = "40vh", className, activeIndex, ...rest }: Props<T>) {
  const box = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => box.current,
    estimateSize: () => rowHeight ?? estimateHeight,
    getItemKey: (i) => itemKey(items[i]),
    overscan: 8,
  });
  useEffect(() => {
    if (activeIndex !== undefined && activeIndex >= 0 && activeIndex < items.length) virtualizer.scrollToIndex(activeIndex, { align: "auto" });
  }, [activeIndex, items.length, virtualizer]);
  return (
    <div ref={box} className="virtual-list" style={{ maxHeight, overflowY: "auto" }}>
      <ol
        className={className}
        style={{ height: virtualizer.getTotalSize(), position: "relative", margin: 0 }}
        aria-label={rest["aria-label"]}
        data-testid={rest["data-testid"]}
      >
        {virtualizer.getVirtualItems().map((row) => (
          <li
            key={row.key}
            data-index={row.index}
            ref={rowHeight ? undefined : virtualizer.measureElement}
            style={{
              position: "absolute",
              top: 0,
              left: 0,
              right: 0,
              height: rowHeight,
              overflow: rowHeight ? "hidden" : undefined,
              transform: `translateY(${row.start}px)`,
            }}
          >
            {renderItem(items[row.index])}
          </li>
        ))}
      </ol>
    </div>
  );
}
