"use client";
/**
 * What side panels (entities, stances, quotes, grades, syndication…) get from
 * the workbench they sit in: the document, the edited layer, the current
 * selection and focused span, and a way to draw their own marks in the text.
 */
import { createContext, useContext, useEffect } from "react";
import type { TextIndex } from "@/lib/text/offsets";
import type { LayerTarget } from "@/lib/layers/layer-for-write";
import type { LocalAnnotation, Span } from "./types";

/** A highlight a panel draws over the text (code points); never part of a layer. */
export type Mark = { id: string; start: number; end: number; className: string; title?: string };

export type WorkbenchApi = {
  documentId: string;
  target: LayerTarget;
  text: string;
  index: TextIndex;
  locked: boolean;
  /** the edited layer, in text order */
  annotations: LocalAnnotation[];
  selection: Span | null;
  clearSelection(): void;
  /** the span last clicked in the edited layer (innermost), if any */
  focused: LocalAnnotation | null;
  focus(annotationId: string | null): void;
  /** the panel mark last clicked in the text, if any */
  activeMark: { key: string; id: string } | null;
  addAnnotation(span: Span, label: string): string;
  /** bring the edited layer in line with the server (after a panel changed it there) */
  catchUp(): Promise<void>;
  setMarks(key: string, marks: Mark[]): void;
  /** counts live changes of this document seen by this tab; a panel reloads its data when it moves */
  liveTick: number;
};

export const WorkbenchContext = createContext<WorkbenchApi | null>(null);

export function useWorkbench(): WorkbenchApi {
  const api = useContext(WorkbenchContext);
  if (!api) throw new Error("useWorkbench is for components inside <Workbench>");
  return api;
}

/** Draws `marks` under `key` while the calling component is mounted. */
export function useMarks(key: string, marks: Mark[]) {
  const { setMarks } = useWorkbench();
  useEffect(() => {
    setMarks(key, marks);
    return () => setMarks(key, []);
  }, [key, marks, setMarks]);
}
