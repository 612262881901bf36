"use client";
/**
 * The annotation workbench: the document with the edited layer drawn near
 * the viewport, a label picker driven by hotkeys 1–9, a keyboard cursor that
 * moves by words, and the side pane with the save state always in view.
 *
 * What it costs: nothing here touches the whole text while the page renders
 * on the server (offsets and words are computed in the browser, on demand);
 * an edit or a cursor move sends the editor only the decoration sources that
 * changed (document-view.tsx, annotation-plugin.ts); the side pane and the
 * panels render again only when what they show changes.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState, useEffect, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { Editor } from "@tiptap/react";
import { createStore } from "zustand";
import { TextIndex } from "@/lib/text/offsets";
import { WordIndex } from "@/lib/text/word-index";
import { trimRange } from "@/lib/text/words";
import type { LabelView } from "@/lib/projects/list-labels";
import type { PageSpan } from "@/lib/annotations/page-span";
import type { LayerTarget } from "@/lib/layers/layer-for-write";
import type { DeliveredDocumentEvent } from "@/lib/realtime/events";
import { DocumentView } from "./document-view";
import { useAnnotations } from "./use-annotations";
import { useDrawnWindow } from "./use-drawn-window";
import { useKeyboardCursor, type LayoutMove } from "./use-keyboard-cursor";
import { LabelBar } from "./label-bar";
import { KeysHelp } from "./keys-help";
import { useStoredFlag } from "@/components/ui/use-stored-flag";
import { visualMove, VISUAL_KEYS } from "./visual-moves";
import { useMarkLayers } from "./use-mark-layers";
import { LabelPicker } from "./label-picker";
import { AnnotationPopover } from "./annotation-popover";
import { SidePane } from "./side-pane";
import { rangeSpecs, spanSpecs, tagSpecs } from "./decorations";
import type { DecorationChanges } from "./annotation-plugin";
import { WorkbenchContext, type WorkbenchApi, type TextKeyHandler, type WorkbenchState } from "./workbench-context";
import { isEditedLayerEvent, useLiveDocument } from "./use-live-document";
import { PresenceBar } from "./presence-bar";
import type { LocalAnnotation, OverlaySpan, Span, WorkbenchDocument } from "./types";

type Props = {
  document: WorkbenchDocument;
  /** the document's text (fetched beside the page: use-document-data.ts) */
  text: string;
  labels: LabelView[];
  /** the edited layer as the page sent it (texts are sliced from the document here) */
  initialAnnotations: PageSpan[];
  /** where the ids of added spans are made (lib/annotations/client-id.ts) */
  idNamespace: string;
  layerStatus: string;
  /** the layer this page edits: the annotator's own, or gold on the review page */
  target?: LayerTarget;
  /** other layers' spans, shown read-only under the edited layer */
  overlays?: OverlaySpan[];
  /** under the title: review feedback, notices */
  banner?: ReactNode;
  /** beside the title: presence, links */
  headerExtra?: ReactNode;
  /** top of the side pane: the review panel */
  aside?: ReactNode;
  /** bump to reload the edited layer from the server (after a review action changed it) */
  resyncSignal?: number;
  /** live events this tab does not apply to its edited layer itself: other layers' annotations, layer status changes */
  onOtherLayerEvent?: (event: DeliveredDocumentEvent) => void;
  /** with the page's refresh after other layers' events: fetch what the browser loaded itself again */
  onRefresh?: () => void;
};

const NO_OVERLAYS: OverlaySpan[] = [];
const NOTHING_DRAWN = { own: [], overlays: [] };
const byPosition = (a: Span, b: Span) => a.start - b.start || b.end - a.end;

export function Workbench({
  document: doc,
  text,
  labels,
  initialAnnotations,
  idNamespace,
  layerStatus,
  target = "own",
  overlays = NO_OVERLAYS,
  banner,
  headerExtra,
  aside,
  resyncSignal = 0,
  onOtherLayerEvent,
  onRefresh,
}: Props) {
  const index = useMemo(() => new TextIndex(text), [text]);
  const words = useMemo(() => new WordIndex(index), [index]);
  const layer = useAnnotations({ documentId: doc.id, target, index, initial: initialAnnotations, idNamespace });
  const { catchUp, add, relabel, remove, undo } = layer;
  const router = useRouter();
  const [liveTick, setLiveTick] = useState(0);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Other layers and layer states come from the server page: re-render it, a burst of events at a time.
  const refreshSoon = useCallback(() => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => {
      router.refresh();
      onRefresh?.();
      void catchUp();
    }, 250);
  }, [router, catchUp, onRefresh]);
  const live = useLiveDocument({
    documentId: doc.id,
    onEvent: (e, selfId) => {
      // the echo of this tab's own save moves nothing: panels reload for changes made elsewhere only
      if (isEditedLayerEvent(e, selfId, target)) {
        if (layer.applyRemote(e)) setLiveTick((n) => n + 1);
        return;
      }
      setLiveTick((n) => n + 1);
      (onOtherLayerEvent ?? refreshSoon)(e);
    },
    onReconnect: () => {
      setLiveTick((n) => n + 1); // events were missed meanwhile
      void catchUp();
    },
  });

  const [editor, setEditor] = useState<Editor | null>(null);
  const surface = useRef<HTMLDivElement>(null);
  const pane = useRef<HTMLElement>(null);
  const { drawn, measureNow } = useDrawnWindow(editor, pane, index);
  const layoutMove = useCallback<LayoutMove>(
    (key, from) => (editor && pane.current && VISUAL_KEYS.has(key) ? visualMove(editor.view, pane.current, index, words, from, key) : undefined),
    [editor, index, words],
  );
  const { cursor, selection, move, placeAt, select } = useKeyboardCursor(words, surface, layoutMove);
  const [snap, setSnap] = useState(true);
  const [showTags, setShowTags] = useStoredFlag("marginalia:show-tags", true);
  const [helpOpen, setHelpOpen] = useState(false);
  const labelBar = useRef<HTMLDivElement>(null);
  const [popover, setPopover] = useState<{ ids: string[]; x: number; y: number } | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [activeMark, setActiveMark] = useState<{ key: string; id: string } | null>(null);
  const { markLayers, setMarks } = useMarkLayers(editor ? index : null, drawn);
  const colors = useMemo(() => new Map(labels.map((l) => [l.name, l.color])), [labels]);
  const descriptions = useMemo(() => new Map(labels.map((l) => [l.name, l.description])), [labels]);
  const locked = layerStatus === "SUBMITTED" || layerStatus === "APPROVED";

  useEffect(() => {
    if (resyncSignal > 0) void catchUp();
  }, [resyncSignal, catchUp]);

  const sorted = useMemo(() => [...layer.annotations.values()].sort(byPosition), [layer.annotations]);

  // Decorations are drawn only in the browser, once the editor exists: the server render converts no offsets.
  const spanLayers = useMemo(
    () => (editor ? spanSpecs({ spans: sorted, overlays, window: drawn, colors, index, descriptions }) : NOTHING_DRAWN),
    [editor, sorted, overlays, drawn, colors, index, descriptions],
  );
  const tagLayer = useMemo(() => (editor && showTags ? tagSpecs(sorted, drawn, colors, index) : []), [editor, showTags, sorted, drawn, colors, index]);
  const cursorLayer = useMemo(() => (editor ? rangeSpecs(cursor, "kbd-cursor", index) : []), [editor, cursor, index]);
  const selectionLayer = useMemo(() => (editor ? rangeSpecs(selection, "pending-selection", index) : []), [editor, selection, index]);
  const layers = useMemo<DecorationChanges>(
    () => ({ ...markLayers, overlays: spanLayers.overlays, own: spanLayers.own, tags: tagLayer, cursor: cursorLayer, selection: selectionLayer }),
    [markLayers, spanLayers, tagLayer, cursorLayer, selectionLayer],
  );

  // What panels subscribe to (workbench-context.tsx).
  const focused = focusedId ? (layer.annotations.get(focusedId) ?? null) : null;
  const [store] = useState(() =>
    createStore<WorkbenchState>(() => ({
      annotations: sorted,
      selection,
      focused,
      activeMark,
      cursor,
      locked,
      liveTick,
      deletesSaved: layer.deletesSaved,
      ready: editor !== null,
    })),
  );
  const { deletesSaved } = layer;
  useEffect(
    () => store.setState({ annotations: sorted, selection, focused, activeMark, cursor, locked, liveTick, deletesSaved, ready: editor !== null }),
    [store, sorted, selection, focused, activeMark, cursor, locked, liveTick, deletesSaved, editor],
  );
  // keys panels handle on the text (model suggestions: a, x), asked before the workbench's own
  const textKeys = useRef(new Set<TextKeyHandler>());

  const applyLabel = useCallback(
    (label: string, span: Span | null) => {
      if (!span || locked) return;
      add(span, label);
      select(null);
    },
    [add, locked, select],
  );

  const api = useMemo<WorkbenchApi>(
    () => ({
      documentId: doc.id,
      target,
      text,
      index,
      store,
      clearSelection: () => select(null),
      focus: setFocusedId,
      goTo: (offset) => {
        placeAt(offset);
        select(null);
        surface.current?.focus({ preventScroll: true });
        // a third down the pane, whether or not the spot is drawn yet (decorations are drawn near the viewport only)
        if (editor && pane.current) {
          const top = editor.view.coordsAtPos(index.cpToPm(offset)).top;
          const box = pane.current.getBoundingClientRect();
          pane.current.scrollTop += top - box.top - box.height / 3;
          measureNow();
        }
      },
      addAnnotation: add,
      onTextKey: (handler) => {
        textKeys.current.add(handler);
        return () => void textKeys.current.delete(handler);
      },
      catchUp,
      setMarks,
    }),
    [doc.id, target, text, index, store, select, placeAt, editor, measureNow, add, catchUp, setMarks],
  );

  const annotationsAt = (offset: number) => sorted.filter((a) => a.start <= offset && offset < a.end).sort((a, b) => a.end - a.start - (b.end - b.start));

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement) return;
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    for (const handler of textKeys.current) {
      if (handler(e)) {
        e.preventDefault();
        return;
      }
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") {
      e.preventDefault();
      undo();
      return;
    }
    if (/^[1-9]$/.test(e.key) && plain) {
      const label = labels.find((l) => l.hotkey === e.key);
      if (!label) return;
      e.preventDefault();
      if (popover && !selection) {
        relabel(popover.ids[0], label.name);
        setPopover(null);
      } else applyLabel(label.name, selection ?? cursor);
      return;
    }
    if (plain && move(e.key, e.shiftKey)) {
      e.preventDefault();
      setPopover(null);
      return;
    }
    switch (e.key) {
      case "Enter":
        if (cursor && !selection) {
          e.preventDefault();
          select(cursor);
        }
        break;
      case "Delete":
      case "Backspace": {
        if (locked) return;
        const id = popover?.ids[0] ?? (cursor ? annotationsAt(cursor.start)[0]?.id : undefined);
        if (id) {
          e.preventDefault();
          remove(id);
          setPopover(null);
        }
        break;
      }
      case "Escape":
        select(null);
        setPopover(null);
        break;
      case "w":
        if (plain) setSnap((s) => !s);
        break;
      case "t":
        if (plain) setShowTags((s) => !s);
        break;
      case "l":
        if (plain) {
          e.preventDefault();
          labelBar.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
        }
        break;
      case "?":
        e.preventDefault();
        setHelpOpen(true);
        break;
      case "u":
        if (plain) undo();
        break;
    }
  };

  const onMouseUp = (e: React.MouseEvent) => {
    if (!editor) return;
    const view = editor.view;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && sel.anchorNode && sel.focusNode && view.dom.contains(sel.anchorNode) && view.dom.contains(sel.focusNode)) {
      const a = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
      const b = view.posAtDOM(sel.focusNode, sel.focusOffset);
      const raw = { start: index.pmToCp(Math.min(a, b)), end: index.pmToCp(Math.max(a, b)) };
      const range = snap ? words.snap(raw) : trimRange(index, raw);
      sel.removeAllRanges();
      setPopover(null);
      if (range) placeAt(range.start);
      select(range);
      surface.current?.focus({ preventScroll: true });
      return;
    }
    const ids: string[] = [];
    let mark: { key: string; id: string } | null = null;
    for (let el = e.target as HTMLElement | null; el && el !== view.dom; el = el.parentElement) {
      if (el.dataset.annId) ids.push(el.dataset.annId);
      if (!mark && el.dataset.markKey && el.dataset.markId) mark = { key: el.dataset.markKey, id: el.dataset.markId };
    }
    select(null);
    // a click also puts the keyboard cursor on the word, so the keys go on from there
    const hit = view.posAtCoords({ left: e.clientX, top: e.clientY });
    if (hit) placeAt(index.pmToCp(hit.pos));
    setActiveMark(mark);
    if (ids.length) setFocusedId(ids[0]);
    setPopover(ids.length ? { ids, x: e.clientX, y: e.clientY } : null);
    surface.current?.focus({ preventScroll: true });
  };

  // the label bar and the keys overlay keep their handlers across key presses, so they do not render again with each
  const labelTarget = useRef<Span | null>(null);
  useLayoutEffect(() => {
    labelTarget.current = selection ?? cursor;
  });
  const focusText = useCallback(() => surface.current?.focus({ preventScroll: true }), []);
  const applyFromBar = useCallback(
    (name: string) => {
      applyLabel(name, labelTarget.current);
      focusText();
    },
    [applyLabel, focusText],
  );
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const jumpTo = useCallback((a: LocalAnnotation) => api.goTo(a.start), [api]);
  const acknowledge = layer.acknowledgeRefusals;
  const retry = layer.retryNow;
  const undoLast = useCallback(() => void undo(), [undo]);

  const pickerAnchor = selection && editor ? editor.view.coordsAtPos(index.cpToPm(selection.end)) : null;

  return (
    <WorkbenchContext.Provider value={api}>
      <div className="workbench">
        <section className="doc-pane" ref={pane} onScroll={measureNow}>
          <header className="doc-header">
            <Link href="/" className="muted">
              ← Documents
            </Link>
            <div className="title-row">
              <h1>{doc.title}</h1>
              {headerExtra}
            </div>
            <p className="muted">{[doc.outlet, doc.byline, doc.publishedAt].filter(Boolean).join(" · ") || "No outlet, byline or date given"}</p>
            <PresenceBar {...live} />
          </header>
          {banner}
          {locked && (
            <p className="banner" data-testid="locked-banner">
              {target === "gold"
                ? "This document is approved; its gold layer is read-only."
                : `This layer is ${layerStatus.toLowerCase()}; it is read-only until a reviewer sends it back.`}
            </p>
          )}
          {layer.notice && (
            <p className="banner error" role="alert">
              {layer.notice} <button onClick={layer.acknowledgeRefusals}>Dismiss</button>
            </p>
          )}
          <div
            onKeyDown={(e) => {
              if (e.key === "Escape") surface.current?.focus(); // back to the text, selection kept
            }}
          >
            <LabelBar
              ref={labelBar}
              labels={labels}
              disabled={locked}
              onApply={applyFromBar}
              showTags={showTags}
              onShowTagsChange={setShowTags}
              onHelp={openHelp}
            />
          </div>
          <KeysHelp open={helpOpen} onOpenChange={setHelpOpen} onClosed={focusText} />
          <div
            ref={surface}
            className="doc-surface"
            tabIndex={0}
            role="application"
            aria-label="Document text. Arrow keys move by word and line, Shift with arrows selects, 1 to 9 apply a label, l goes to the labels, Delete removes, Ctrl+Z undoes, question mark lists every key."
            aria-describedby="kbd-help"
            onKeyDown={onKeyDown}
            onMouseUp={onMouseUp}
            data-testid="document-surface"
          >
            <DocumentView text={text} layers={layers} onReady={setEditor} />
          </div>
          {/* right after the text: Tab from the text reaches them next */}
          {selection && pickerAnchor && !locked && (
            <LabelPicker
              labels={labels}
              at={{ x: pickerAnchor.left, top: pickerAnchor.top, bottom: pickerAnchor.bottom }}
              text={index.slice(selection.start, selection.end)}
              onPick={(name) => applyLabel(name, selection)}
              onCancel={() => select(null)}
            />
          )}
          {popover && (
            <AnnotationPopover
              annotations={popover.ids.map((id) => layer.annotations.get(id)).filter((a): a is LocalAnnotation => Boolean(a))}
              labels={labels}
              x={popover.x}
              y={popover.y}
              readOnly={locked}
              onRelabel={(id, label) => {
                relabel(id, label);
                setPopover(null);
              }}
              onDelete={(id) => {
                remove(id);
                setPopover(null);
              }}
              onClose={() => setPopover(null)}
            />
          )}
        </section>
        <SidePane
          documentId={doc.id}
          target={target}
          layerStatus={layerStatus}
          saveState={layer.saveState}
          onRetry={retry}
          onAcknowledge={acknowledge}
          spans={sorted}
          labels={labels}
          colors={colors}
          snap={snap}
          onSnapChange={setSnap}
          onUndo={undoLast}
          onJump={jumpTo}
        >
          {aside}
        </SidePane>
      </div>
    </WorkbenchContext.Provider>
  );
}
