"use client";
/**
 * What side panels (entities, stances, quotes, grades, syndication…) get from
 * the workbench they sit in. `useWorkbench()` gives what does not change while
 * the page is open (the document, actions); `useWorkbenchState(selector)`
 * subscribes to one piece of what does (the edited layer, the selection, the
 * focused span…), so a panel re-renders when what it shows changes, not with
 * every key press.
 */
import { createContext, useContext, useEffect } from "react";
import { useStore, type StoreApi } from "zustand";
import type { TextIndex } from "@/lib/text/offsets";
import type { LayerTarget } from "@/lib/layers/layer-for-write";
import type { LocalAnnotation, Span } from "./types";

/** A highlight a panel draws over the text (code points); never part of a layer. */
export type Mark = {
  id: string;
  start: number;
  end: number;
  className: string;
  title?: string;
  /** a short name drawn after the text (a suggested label) */ tag?: string;
};

/** A panel's key handler on the text: true when it handled the key. */
export type TextKeyHandler = (e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }) => boolean;

export type WorkbenchState = {
  /** the edited layer, in text order */
  annotations: readonly LocalAnnotation[];
  selection: Span | null;
  /** the span last clicked in the edited layer (innermost), if any */
  focused: LocalAnnotation | null;
  /** the panel mark last clicked in the text, if any */
  activeMark: { key: string; id: string } | null;
  /** the keyboard cursor (a word), if any */
  cursor: Span | null;
  locked: boolean;
  /** the text is laid out: positions can be measured and scrolled to */
  ready: boolean;
  /**
   * counts changes of this document made elsewhere (other layers, other tabs, reviewers, a reconnect after missed
   * events), never this tab's own edits; a panel reloads its data when it moves
   */
  liveTick: number;
  /** counts deletions of the edited layer the server confirmed: what refers to spans (stance evidence) may be gone */
  deletesSaved: number;
};

export type WorkbenchApi = {
  documentId: string;
  target: LayerTarget;
  text: string;
  index: TextIndex;
  store: StoreApi<WorkbenchState>;
  clearSelection(): void;
  focus(annotationId: string | null): void;
  /** put the keyboard cursor at a code point offset and the focus on the text */
  goTo(offset: number): void;
  addAnnotation(span: Span, label: string): string;
  /** handle a key pressed in the text before the workbench does (true: handled); returns the unsubscribe */
  onTextKey(handler: TextKeyHandler): () => void;
  /** bring the edited layer in line with the server (after a panel changed it there) */
  catchUp(): Promise<void>;
  setMarks(key: string, marks: Mark[]): void;
};

export const WorkbenchContext = createContext<WorkbenchApi | null>(null);

export function useWorkbench(): WorkbenchApi {
  const api = useContext(WorkbenchContext);
  if (!api) throw new Error("useWorkbench is for components inside <Workbench>");
  return api;
}

/** One piece of the workbench's changing state; the caller re-renders only when it changes. */
export function useWorkbenchState<T>(selector: (state: WorkbenchState) => T): T {
  return useStore(useWorkbench().store, selector);
}

/** Draws `marks` under `key` while the calling component is mounted. */
export function useMarks(key: string, marks: Mark[]) {
  const { setMarks } = useWorkbench();
  useEffect(() => {
    setMarks(key, marks);
    return () => setMarks(key, []);
  }, [key, marks, setMarks]);
}
