"use client";
/**
 * Panels' marks (registry suggestions, syndicated passages, stance evidence…)
 * as decoration sources, one per panel, each drawn within the window only and
 * rebuilt only when its own marks or the window change.
 */
import { useCallback, useMemo, useState } from "react";
import type { TextIndex } from "@/lib/text/offsets";
import type { DecorationSpec } from "./annotation-plugin";
import { markSpecs } from "./decorations";
import type { Span } from "./types";
import type { Mark } from "./workbench-context";

type Built = { key: string; window: Span; index: TextIndex; specs: DecorationSpec[] };

// A panel's decorations, kept with its marks list: rebuilt only when the list, the window or the text changes.
const built = new WeakMap<Mark[], Built>();
function specsOf(key: string, list: Mark[], window: Span, index: TextIndex): DecorationSpec[] {
  const b = built.get(list);
  if (b && b.key === key && b.window === window && b.index === index) return b.specs;
  const specs = markSpecs(key, list, window, index);
  built.set(list, { key, window, index, specs });
  return specs;
}

export function useMarkLayers(index: TextIndex | null, window: Span) {
  const [marks, setMarksState] = useState<ReadonlyMap<string, Mark[]>>(new Map());
  const setMarks = useCallback((key: string, list: Mark[]) => {
    setMarksState((m) => {
      if ((m.get(key) ?? []).length === 0 && list.length === 0) return m;
      return new Map(m).set(key, list);
    });
  }, []);
  const markLayers = useMemo(() => {
    const out: Record<string, DecorationSpec[]> = {};
    if (!index) return out;
    for (const [key, list] of marks) out[`mark:${key}`] = specsOf(key, list, window, index);
    return out;
  }, [marks, window, index]);
  return { markLayers, setMarks };
}
