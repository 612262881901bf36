"use client";
/** The passage a search hit points at (`/documents/:id?at=start-end`): highlighted, scrolled into view, the cursor on it. */
import { useEffect, useMemo, useRef } from "react";
import { useMarks, useWorkbench, useWorkbenchState, type Mark } from "@/components/workbench/workbench-context";

export function SearchHitMark({ start, end }: { start: number; end: number }) {
  const { goTo } = useWorkbench();
  const ready = useWorkbenchState((s) => s.ready);
  // once: after that the cursor is the annotator's
  const shown = useRef(false);
  const marks = useMemo<Mark[]>(() => [{ id: `${start}-${end}`, start, end, className: "search-hit", title: "Search hit" }], [start, end]);
  useMarks("search-hit", marks);
  useEffect(() => {
    if (!ready || shown.current) return;
    shown.current = true;
    goTo(start);
  }, [ready, goTo, start]);
  return null;
}
