"use client";
/**
 * Panels' marks (registry suggestions, syndicated passages, stance evidence…)
 * as decoration sources, one per panel, each drawn within the window only and
 * rebuilt only when its own marks or the window change.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import type { TextIndex } from "@/lib/text/offsets";
import type { DecorationSpec } from "./annotation-plugin";
import { markSpecs } from "./decorations";
import type { Span } from "./types";
import type { Mark } from "./workbench-context";

type Built = { marks: Mark[]; window: Span; specs: DecorationSpec[] };

export function useMarkLayers(index: TextIndex | null, window: Span) {
  const [marks, setMarksState] = useState<ReadonlyMap<string, Mark[]>>(new Map());
  const setMarks = useCallback((key: string, list: Mark[]) => {
    setMarksState((m) => {
      if ((m.get(key) ?? []).length === 0 && list.length === 0) return m;
      return new Map(m).set(key, list);
    });
  }, []);
  const built = useRef(new Map<string, Built>());
  const markLayers = useMemo(() => {
    const out: Record<string, DecorationSpec[]> = {};
    if (!index) return out;
    for (const [key, list] of marks) {
      let b = built.current.get(key);
      if (!b || b.marks !== list || b.window !== window) {
        b = { marks: list, window, specs: markSpecs(key, list, window, index) };
        built.current.set(key, b);
      }
      out[`mark:${key}`] = b.specs;
    }
    return out;
  }, [marks, window, index]);
  return { markLayers, setMarks };
}
